import { describe, expect, it } from 'vitest';
import { fold, matchScore, terms } from './search';

describe('fold', () => {
	it('ignores case and accents', () => {
		expect(fold('Petición ÁGIL')).toBe('peticion agil');
	});

	it('ignores the diaeresis', () => {
		expect(fold('Pingüino')).toBe('pinguino');
	});

	it('ignores every apostrophe look-alike', () => {
		for (const apostrophe of ["'", '\u2019', '\u02BC', '\uA78C', '\u2018']) {
			expect(fold(`a${apostrophe}ttia`)).toBe('attia');
		}
	});
});

describe('terms', () => {
	it('drops common words and plural endings', () => {
		expect(terms('Certificados de los gases')).toEqual(['certificado', 'gas']);
	});
});

describe('matchScore', () => {
	it('needs every word', () => {
		expect(matchScore(['subsidio', 'agua'], 'Subsidio de gas', '')).toBe(0);
	});

	it('ranks a title match above a body match', () => {
		const inTitle = matchScore(['gas'], 'Subsidio de gas', '');
		const inBody = matchScore(['gas'], 'Subsidio', 'para el gas');
		expect(inTitle).toBeGreaterThan(inBody);
	});

	it('matches the start of a word', () => {
		expect(matchScore(['certif'], 'Certificado laboral', '')).toBeGreaterThan(0);
	});
});
