import { describe, expect, it } from 'vitest';
import { resolve, type Block } from './types';

const translated: Block<{ title: string }> = {
	es: { title: 'Sus derechos' },
	guc: { review: 'draft', text: { title: 'Texto de prueba en borrador' } }
};
const untranslated: Block<{ title: string }> = { es: { title: 'Sus deberes' } };

describe('resolve', () => {
	it('gives Spanish as the original on a Spanish page', () => {
		expect(resolve(translated, 'es')).toEqual({
			lang: 'es',
			review: 'original',
			text: { title: 'Sus derechos' }
		});
	});

	it('gives the Wayuunaiki text that exists with its review state', () => {
		expect(resolve(translated, 'guc')).toEqual({
			lang: 'guc',
			review: 'draft',
			text: { title: 'Texto de prueba en borrador' }
		});
	});

	it('falls back to Spanish, marked as such, when the block has no translation', () => {
		expect(resolve(untranslated, 'guc')).toEqual({
			lang: 'es',
			review: 'missing',
			text: { title: 'Sus deberes' }
		});
	});
});
