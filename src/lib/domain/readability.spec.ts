import { describe, expect, it } from 'vitest';
import {
	acronyms,
	fernandezHuerta,
	longSentences,
	sentences,
	syllableCount,
	syllables
} from './readability';

describe('syllables', () => {
	it.each([
		['casa', 'ca-sa'],
		['ciudadano', 'ciu-da-da-no'],
		['trámite', 'trá-mi-te'],
		['constitución', 'cons-ti-tu-ción'],
		['obstrucción', 'obs-truc-ción'],
		['instrumento', 'ins-tru-men-to'],
		['transporte', 'trans-por-te'],
		['compra', 'com-pra'],
		['carro', 'ca-rro'],
		['lluvia', 'llu-via'],
		['muchacho', 'mu-cha-cho'],
		['pingüino', 'pin-güi-no'],
		['queso', 'que-so'],
		['guerra', 'gue-rra'],
		['poeta', 'po-e-ta'],
		['país', 'pa-ís'],
		['río', 'rí-o'],
		['Uruguay', 'u-ru-guay'],
		['hoy', 'hoy'],
		['ley', 'ley'],
		['atención', 'a-ten-ción'],
		['petición', 'pe-ti-ción'],
		['hábiles', 'há-bi-les'],
		['radicado', 'ra-di-ca-do'],
		['subsidio', 'sub-si-dio'],
		['cuidado', 'cui-da-do'],
		['leer', 'le-er'],
		['biblioteca', 'bi-blio-te-ca']
	])('splits %s as %s', (word, expected) => {
		expect(syllables(word).join('-')).toBe(expected);
	});

	it('counts a number one syllable per digit', () => {
		expect(syllableCount('15')).toBe(2);
	});

	it('counts a word without vowels as one syllable', () => {
		expect(syllableCount('pst')).toBe(1);
	});
});

describe('sentences', () => {
	it('ends a sentence at a full stop, question or exclamation mark and a line break', () => {
		expect(sentences('Hola. ¿Cómo está? ¡Bien!\nGracias')).toHaveLength(4);
	});

	it('does not end a sentence at a decimal point', () => {
		expect(sentences('Cuesta 1.500 pesos.')).toHaveLength(1);
	});

	it('does not end a sentence at an initial or the points of "D.C."', () => {
		expect(sentences('La sede de Bogotá D.C. atiende hoy. Venga temprano.')).toEqual([
			'La sede de Bogotá D.C. atiende hoy.',
			'Venga temprano.'
		]);
		expect(sentences('Le atiende Ana M. Epieyú.')).toHaveLength(1);
	});

	it('still ends a sentence at a word in capitals', () => {
		expect(sentences('Llame a la ANH. Le responden en un día.')).toHaveLength(2);
	});
});

describe('Fernández Huerta', () => {
	it('scores a short, simple sentence as very easy', () => {
		// "El niño come pan." → 4 words, 1 sentence, 1+2+2+1 = 6 syllables.
		// 206.84 − 60 × 6/4 − 1.02 × 4 = 206.84 − 90 − 4.08 = 112.76
		expect(fernandezHuerta('El niño come pan.')).toEqual({
			words: 4,
			sentences: 1,
			syllables: 6,
			score: 112.8
		});
	});

	it('scores administrative language as hard', () => {
		// 10 words, 1 sentence, 42 syllables: la(1) ad-mi-nis-tra-ción(5) ga-ran-ti-za-rá(5) la(1)
		// im-ple-men-ta-ción(5) de(1) pro-ce-di-mien-tos(5) ad-mi-nis-tra-ti-vos(6)
		// in-te-rins-ti-tu-cio-na-les(8) co-rres-pon-dien-tes(5).
		const text =
			'La administración garantizará la implementación de procedimientos administrativos interinstitucionales correspondientes.';
		const result = fernandezHuerta(text);
		expect(result.words).toBe(10);
		expect(result.sentences).toBe(1);
		expect(result.syllables).toBe(42);
		// 206.84 − 60 × 4.2 − 1.02 × 10 = 206.84 − 252 − 10.2 = −55.36
		expect(result.score).toBe(-55.4);
	});

	it('lowers the score when sentences get longer', () => {
		const short = fernandezHuerta('Usted pide. Nosotros respondemos.');
		const long = fernandezHuerta('Usted pide, nosotros respondemos.');
		expect(short.score).toBeGreaterThan(long.score);
	});

	it('scores an empty text as easy', () => {
		expect(fernandezHuerta('').score).toBe(100);
	});
});

describe('content checks', () => {
	it('finds sentences over 30 words', () => {
		const long = Array.from({ length: 31 }, () => 'palabra').join(' ') + '.';
		expect(longSentences(`Corta. ${long}`)).toEqual([long]);
	});

	it('finds acronyms, plural ones included, and ignores capitalised words', () => {
		expect(acronyms('Las OPAs y la PQRSD de Bogotá. El GLP.')).toEqual(['OPA', 'PQRSD', 'GLP']);
	});
});
