import { describe, expect, it } from 'vitest';
import { acronymExpansions } from '$lib/content/glossary';
import { checkContent, contentSections, problemOf } from '$lib/content/quality';
import { belowBar, hintWords, MINIMUM_SCORE, plainLanguage } from './plain-language';

const MESSAGES = {
	score: 'score {{score}} < {{minimum}}',
	sentence: 'shorten «{{sentence}}» ({{max}})',
	acronym: 'explain {{acronym}}',
	plain: 'plain {{score}}'
};

describe('the plain-language rules the studio page runs as the editor types', () => {
	it('find on every section of content what check:content reports', () => {
		const known = new Set(acronymExpansions().keys());
		const reports = new Map(checkContent().map((report) => [report.id, report]));
		for (const section of contentSections()) {
			const { score, findings } = plainLanguage(section.text, known);
			expect(score, section.id).toBe(reports.get(section.id)!.score);
			expect(findings.map(problemOf), section.id).toEqual(reports.get(section.id)!.problems);
		}
	});

	it('say each finding in turn, pointing out the sentence to shorten, or the score when plain', () => {
		const long =
			'La entidad, en cumplimiento de las disposiciones constitucionales, legales y reglamentarias vigentes, procederá a efectuar la verificación administrativa correspondiente de la documentación aportada por el peticionario dentro del término establecido por la ley para estos casos particulares.';
		const hint = plainLanguage(`${long}\nTraiga el XYZ.`, new Set());
		expect(belowBar(hint)).toBe(true);
		expect(hintWords(hint, MESSAGES)).toBe(
			`score ${hint.score} < ${MINIMUM_SCORE} shorten «${long}» (30) explain XYZ`
		);
		const plain = plainLanguage('Traiga su cédula. Es gratis.', new Set());
		expect(belowBar(plain)).toBe(false);
		expect(hintWords(plain, MESSAGES)).toBe(`plain ${plain.score}`);
		expect(belowBar(null)).toBe(false);
	});
});
