import { describe, expect, it } from 'vitest';
import { templatePatterns, translator } from './translator';

describe('translator', () => {
	it('translates a Spanish key', async () => {
		const { t } = await translator('es');
		expect(t('common:nav.charter')).toBe('Carta de trato digno');
	});

	it('marks a missing Wayuunaiki string as Spanish', async () => {
		const { part } = await translator('guc');
		expect(part('common:nav.charter')).toEqual({ text: 'Carta de trato digno', lang: 'es' });
	});

	it('interpolates values', async () => {
		const { t } = await translator('es');
		expect(t('problems:BODY_TOO_LARGE.detail', { limit: 64 })).toContain('64 KB');
	});
});

describe('translator plurals and fallbacks', () => {
	it('picks the plural form from count', async () => {
		const { createTranslator } = await import('./translate');
		const { t } = createTranslator('es', {
			es: { booking: { left_one: 'Queda {{count}} cupo', left_other: 'Quedan {{count}} cupos' } }
		});
		expect(t('booking:left', { count: 1 })).toBe('Queda 1 cupo');
		expect(t('booking:left', { count: 2 })).toBe('Quedan 2 cupos');
	});

	it('answers a missing key with the key, as i18next does', async () => {
		const { t } = await translator('es');
		expect(t('common:no.such.key')).toBe('no.such.key');
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
