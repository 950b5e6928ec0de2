import { describe, expect, it } from 'vitest';
import { checkContent, checkSection, contentSections } from './quality';

describe('the plain-language gate', () => {
	it('passes every section of the shipped content', () => {
		const failing = checkContent().filter((report) => report.problems.length);
		expect(failing).toEqual([]);
	});

	it('covers the charter, the channels, every service and the glossary', () => {
		const ids = contentSections().map((section) => section.id);
		expect(ids).toContain('charter:derechos');
		expect(ids).toContain('channels:te-llamamos');
		expect(ids).toContain('services:subsidio-de-gas-en-cilindro');
		expect(ids).toContain('glossary:radicado');
	});

	it('fails legal jargon', () => {
		const report = checkSection({
			id: 'test',
			text: 'La administración garantizará la implementación de procedimientos administrativos.'
		});
		expect(report.problems[0]).toMatch(/Fernández Huerta .* is under 70/);
	});

	it('fails a sentence over 30 words', () => {
		const text = `${Array.from({ length: 31 }, () => 'sol').join(' ')}.`;
		expect(checkSection({ id: 'test', text }).problems).toContain(
			`sentence over 30 words: "${text}"`
		);
	});

	it('fails an acronym the glossary does not explain', () => {
		expect(checkSection({ id: 'test', text: 'Pida su RUT.' }).problems).toContain(
			'acronym RUT has no glossary entry'
		);
	});

	it('accepts an acronym the glossary explains', () => {
		expect(checkSection({ id: 'test', text: 'Pida el subsidio del GLP.' }).problems).toEqual([]);
	});
});
