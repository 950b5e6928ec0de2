import { describe, expect, it } from 'vitest';
import { publishBlocks, resolve, type Block } from './types';

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

	it('keeps a draft from the page: the Spanish shows, saying a translation is on its way', () => {
		expect(resolve(translated, 'guc')).toEqual({
			lang: 'es',
			review: 'draft',
			text: { title: 'Sus derechos' }
		});
	});

	it('gives a reviewed Wayuunaiki text', () => {
		const reviewed: Block<{ title: string }> = {
			es: { title: 'Sus derechos' },
			guc: { review: 'reviewed', text: { title: 'Texto de prueba revisado' } }
		};
		expect(resolve(reviewed, 'guc')).toEqual({
			lang: 'guc',
			review: 'reviewed',
			text: { title: 'Texto de prueba revisado' }
		});
	});

	it('gives what the studio published while the server runs, and forgets it when replaced', () => {
		publishBlocks([[untranslated, 'guc', { review: 'reviewed', text: { title: 'Prueba' } }]]);
		expect(resolve(untranslated, 'guc')).toMatchObject({ lang: 'guc', text: { title: 'Prueba' } });
		publishBlocks([[untranslated, 'guc', { review: 'draft' }]]);
		expect(resolve(untranslated, 'guc')).toMatchObject({ lang: 'es', review: 'draft' });
		publishBlocks([]);
		expect(resolve(untranslated, 'guc')).toMatchObject({ lang: 'es', review: 'missing' });
	});

	it('falls back to Spanish, marked as such, when the block has no translation', () => {
		expect(resolve(untranslated, 'guc')).toEqual({
			lang: 'es',
			review: 'missing',
			text: { title: 'Sus deberes' }
		});
	});
});
