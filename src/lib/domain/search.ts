import { normaliseGlottalStop } from '$lib/i18n/glottal';

/**
 * Text folded for search: lower case, without accents or diaeresis ("ü" → "u"), with every
 * apostrophe look-alike (the Wayuunaiki glottal stop) removed, punctuation turned into spaces.
 */
export function fold(text: string): string {
	return normaliseGlottalStop(text)
		.normalize('NFD')
		.replace(/\p{M}/gu, '')
		.toLowerCase()
		.replaceAll("'", '')
		.replace(/[^\p{L}\p{N}]+/gu, ' ')
		.trim();
}

// Words too common to narrow a search ("certificado de gas" looks for "certificado" and "gas").
const STOP_WORDS = new Set(
	'a al como con de del el en la las lo los mi mis o para por que se su sus un una y yo me quiero necesito'.split(
		' '
	)
);

/** A light plural stem so "subsidios" finds "subsidio" and "certificados" finds "certificado". */
function stem(word: string): string {
	if (word.length > 4 && word.endsWith('es')) return word.slice(0, -2);
	if (word.length > 3 && word.endsWith('s')) return word.slice(0, -1);
	return word;
}

/** The words of a query that count. */
export function terms(query: string): string[] {
	return [
		...new Set(
			fold(query)
				.split(' ')
				.filter((word) => word && !STOP_WORDS.has(word))
				.map(stem)
		)
	];
}

/**
 * How well a document matches: 0 when a query word is missing; otherwise more when the words
 * appear in the title. Every query word must start some word of the document.
 */
export function matchScore(queryTerms: string[], title: string, body: string): number {
	if (queryTerms.length === 0) return 1;
	const titleWords = fold(title).split(' ');
	const bodyWords = fold(body).split(' ');
	let score = 0;
	for (const term of queryTerms) {
		if (titleWords.some((word) => word.startsWith(term))) score += 3;
		else if (bodyWords.some((word) => word.startsWith(term))) score += 1;
		else return 0;
	}
	return score;
}
