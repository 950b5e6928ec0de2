import { describe, expect, it } from 'vitest';
import { fold, searchOver, terms } from './search';

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
	it('drops common words and reduces words to their Spanish stem', () => {
		expect(terms('Certificados de los gases')).toEqual(terms('certificado gas'));
		expect(terms('subsidios')).toEqual(terms('subsidio'));
	});
});

const search = searchOver([
	{ id: 'gas', title: 'Subsidio de gas', body: 'Descuento en la pipeta de gas propano.' },
	{ id: 'luz', title: 'Subsidio a la luz', body: 'Descuento en la factura de energía eléctrica.' },
	{ id: 'work', title: 'Certificado laboral', body: 'Constancia de trabajo para exfuncionarios.' },
	{ id: 'las', title: 'Copia de documentos', body: 'Las copias del expediente.' }
]);

describe('searchOver', () => {
	it('needs every word', () => {
		expect(search.find('subsidio agua')).toEqual([]);
	});

	it('ranks a title match above a body match', () => {
		expect(search.find('gas')[0]).toBe('gas');
		expect(search.find('energia')).toEqual(['luz']);
	});

	it('matches the start of a word as a person types', () => {
		expect(search.find('certif')).toEqual(['work']);
	});

	it('forgives one wrong letter in a longer word', () => {
		expect(search.find('subcidio').sort()).toEqual(['gas', 'luz']);
		expect(search.find('enerjia')).toEqual(['luz']);
		expect(search.find('sertificado')).toEqual(['work']);
	});

	it('does not bend short words: "gas" never finds "las"', () => {
		expect(search.find('gas')).toEqual(['gas']);
		expect(search.find('gaz')).toEqual([]);
	});

	it('finds plurals and other forms by their stem', () => {
		expect(search.find('subsidios')).toHaveLength(2);
		expect(search.find('descuentos pipetas')).toEqual(['gas']);
	});

	it('lists everything for an empty query or only common words', () => {
		expect(search.find('')).toHaveLength(4);
		expect(search.find('de la')).toHaveLength(4);
	});

	it('suggests a close spelling, as written, when nothing matches', () => {
		expect(search.suggest('enrgiaa')).toBe('energía');
		expect(search.suggest('subsdio gaz')).toBe('subsidio gas');
	});

	it('suggests nothing when the query already finds something, or nothing is close', () => {
		expect(search.suggest('enerjia')).toBeUndefined();
		expect(search.suggest('xyzzy')).toBeUndefined();
	});
});
