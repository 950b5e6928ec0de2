import { describe, expect, it } from 'vitest';
import { translator } from './translator';

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
