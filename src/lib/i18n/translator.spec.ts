import { readdirSync, readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { putStrings, resetStrings, templatePatterns, translator } from './translator';

describe('translator', () => {
	it('translates a Spanish key', async () => {
		const { t } = await translator('es');
		expect(t('common:nav.charter')).toBe('Carta de trato digno');
	});

	it('marks a missing Wayuunaiki string as Spanish', async () => {
		const { part, has } = await translator('guc');
		expect(part('common:nav.charter')).toEqual({ text: 'Carta de trato digno', lang: 'es' });
		expect(has('common:nav.charter')).toBe(false);
	});

	it('interpolates values', async () => {
		const { t } = await translator('es');
		expect(t('problems:BODY_TOO_LARGE.detail', { limit: 64 })).toContain('64 KB');
	});

	it('ends a sentence after a time with one full stop, in every Spanish string', async () => {
		const { t } = await translator('es');
		const time = '5:00 p. m.';
		const hours = t('common:footer.hours', {
			days: 'lunes a viernes',
			opens: '8:00 a. m.',
			closes: time
		});
		expect(hours).toBe('Atendemos de lunes a viernes, de 8:00 a. m. a 5:00 p. m.');
		// Every Spanish string with each of its placeholders filled with a time.
		const doubled: string[] = [];
		const visit = (ns: string, prefix: string, value: unknown) => {
			if (typeof value === 'string') {
				const names = [...value.matchAll(/\{\{\s*(\w+)/g)].map((match) => match[1]!);
				const values = Object.fromEntries(names.filter((n) => n !== 'count').map((n) => [n, time]));
				const key = `${ns}:${prefix.replace(/_(one|other)$/, '')}`;
				if (/m\.\./.test(t(key, { ...values, count: 2 }))) doubled.push(key);
			} else if (value && typeof value === 'object') {
				for (const [name, child] of Object.entries(value)) {
					visit(ns, prefix ? `${prefix}.${name}` : name, child);
				}
			}
		};
		for (const file of readdirSync('locales/es')) {
			visit(file.replace('.json', ''), '', JSON.parse(readFileSync(`locales/es/${file}`, 'utf8')));
		}
		expect(doubled).toEqual([]);
	});

	it('counts the Spanish strings a language has its own string for', async () => {
		const { coverage } = await translator('guc');
		const before = coverage();
		expect(before.total).toBeGreaterThan(100);
		putStrings('guc', 'common', { skipLink: 'Prueba de la prueba', review: { label: '' } });
		try {
			const after = (await translator('guc')).coverage();
			expect(after).toEqual({ own: before.own + 1, total: before.total });
		} finally {
			resetStrings('guc');
		}
		expect((await translator('es')).coverage()).toEqual({ own: before.total, total: before.total });
	});

	it('answers a missing key with the key, as i18next does', async () => {
		const { t } = await translator('es');
		expect(t('common:no.such.key')).toBe('no.such.key');
	});
});

describe('strings added while the server runs', () => {
	afterEach(() => resetStrings('guc'));

	it('shows a Wayuunaiki string added at run time as Wayuunaiki, and forgets it on reset', async () => {
		const guc = await translator('guc');
		// Asked once before, as every page's menu asks it: what was kept must not outlive the change.
		expect(guc.t('common:nav.charter')).toBe('Carta de trato digno');
		putStrings('guc', 'common', { nav: { charter: 'PRUEBA carta' } });
		expect(guc.t('common:nav.charter')).toBe('PRUEBA carta');
		expect(guc.part('common:nav.charter')).toEqual({ text: 'PRUEBA carta', lang: 'guc' });
		expect(guc.langOf('PRUEBA carta')).toBe('guc');
		// The other strings of the namespace stay.
		expect(guc.t('common:nav.services')).toBe((await translator('es')).t('common:nav.services'));

		resetStrings('guc');
		expect(guc.part('common:nav.charter')).toEqual({ text: 'Carta de trato digno', lang: 'es' });
		expect(guc.langOf('PRUEBA carta')).toBe('es');
	});
});

describe('plurals', () => {
	afterEach(() => resetStrings('guc'));

	it('picks the Spanish plural form from count', async () => {
		const { t } = await translator('es');
		expect(t('forms:characters.left', { count: 1 })).toMatch(/\b1\b/);
		expect(t('forms:characters.left', { count: 1 })).not.toBe(
			t('forms:characters.left', { count: 2 }).replace('2', '1')
		);
	});

	it('follows the Spanish rules in Wayuunaiki, which Intl does not know', async () => {
		putStrings('guc', 'common', {
			prueba_one: 'PRUEBA uno',
			prueba_many: 'PRUEBA muchos',
			prueba_other: 'PRUEBA otros'
		});
		const { t } = await translator('guc');
		expect(t('common:prueba', { count: 1 })).toBe('PRUEBA uno');
		expect(t('common:prueba', { count: 2 })).toBe('PRUEBA otros');
		// A million is "many" in Spanish; the default (English) rules would say "other".
		expect(t('common:prueba', { count: 1_000_000 })).toBe('PRUEBA muchos');
	});

	it('gives both forms with the count left for the browser', async () => {
		const { forms, t } = await translator('es');
		const { one, other } = forms('forms:characters.left');
		expect(one.text.replace('{{count}}', '1')).toBe(t('forms:characters.left', { count: 1 }));
		expect(other.text.replace('{{count}}', '7')).toBe(t('forms:characters.left', { count: 7 }));
		expect(other.lang).toBe('es');
	});
});

describe('language of a translated text', () => {
	it('is Spanish on a Wayuunaiki page while the text is a Spanish fallback', async () => {
		const { t, langOf } = await translator('guc');
		expect(langOf(t('booking:intro'))).toBe('es');
		expect((await translator('es')).langOf('cualquier texto')).toBe('es');
	});

	it('recognises a string of the page language with its placeholders filled in', () => {
		const [pattern] = templatePatterns(['PRUEBA {{count}} (a)', '{{only}}']);
		expect(templatePatterns(['{{only}}'])).toEqual([]);
		expect(pattern!.test('PRUEBA 3 (a)')).toBe(true);
		expect(pattern!.test('Otra cosa 3 (a)')).toBe(false);
	});
});
