import { describe, expect, it } from 'vitest';
import { isLocale, negotiate } from './locales';
import { normaliseGlottalStop } from './glottal';

describe('negotiate', () => {
	it('gives Spanish when the browser sends nothing', () => {
		expect(negotiate(null)).toBe('es');
	});

	it('gives Wayuunaiki when the browser prefers it', () => {
		expect(negotiate('guc, es;q=0.8')).toBe('guc');
	});

	it('respects quality values over order', () => {
		expect(negotiate('es;q=0.5, guc;q=0.9')).toBe('guc');
	});

	it('falls back to Spanish for languages we do not offer', () => {
		expect(negotiate('en-US, fr;q=0.8')).toBe('es');
	});

	it('matches regional Spanish', () => {
		expect(negotiate('es-CO')).toBe('es');
	});

	it('ignores languages refused with q=0', () => {
		expect(negotiate('guc;q=0, en')).toBe('es');
	});
});

describe('isLocale', () => {
	it('accepts only the two locales', () => {
		expect(isLocale('es')).toBe(true);
		expect(isLocale('guc')).toBe(true);
		expect(isLocale('en')).toBe(false);
		expect(isLocale(undefined)).toBe(false);
	});
});

describe('normaliseGlottalStop', () => {
	it('folds every look-alike of the glottal stop into an apostrophe', () => {
		expect(normaliseGlottalStop('a\u2019a a\u02BCa a\uA78Ca a\u2018a')).toBe("a'a a'a a'a a'a");
	});
});
