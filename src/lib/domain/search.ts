import MiniSearch from 'minisearch';
import { stemmer } from '@orama/stemmers/spanish';
import { normaliseGlottalStop } from '../i18n/glottal';

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

/** The words of a text that count, folded: "Certificados de los gases" → certificados, gases. */
export function words(text: string): string[] {
	return fold(text)
		.split(' ')
		.filter((word) => word && !STOP_WORDS.has(word));
}

/** What the index keeps of a word: its Spanish stem, so "subsidios" finds "subsidio". */
export function terms(query: string): string[] {
	return [...new Set(words(query).map((word) => stemmer(word)))];
}

/** One searchable thing (a service), the same on the server and in the service worker. */
export interface SearchDocument {
	id: string;
	title: string;
	body: string;
}

// A word of five letters or more may have one letter wrong ("subcidio", "enerjia"); nine or more,
// two. Shorter words must be right: "gas" must not find "las".
const typoTolerance = (term: string) => (term.length >= 5 ? 0.2 : 0);

// For "¿Quiso decir…?": a wider tolerance, only to propose a word the person can check.
const SUGGESTION_TOLERANCE = 0.4;

export interface Search {
	/** The ids of the documents that have every word of the query, best first. */
	find(query: string): string[];
	/** A query close to this one that finds something, when this one finds nothing. */
	suggest(query: string): string | undefined;
}

/** The search over a set of documents: typo-tolerant, stemmed, title words worth more. */
export function searchOver(documents: SearchDocument[]): Search {
	const index = new MiniSearch<SearchDocument>({
		fields: ['title', 'body'],
		tokenize: words,
		processTerm: (term) => stemmer(term),
		searchOptions: {
			boost: { title: 3 },
			combineWith: 'AND',
			fuzzy: typoTolerance,
			// "certif" finds "certificado" as someone types.
			prefix: true
		}
	});
	index.addAll(documents);

	// The words a suggestion may use, as they are written ("energía"), by their folded form.
	const vocabulary = new Map<string, string>();
	for (const document of documents) {
		for (const written of `${document.title} ${document.body}`.split(/\s+/)) {
			const word = written.toLowerCase().replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
			const [folded, ...rest] = words(word);
			if (folded && rest.length === 0 && folded.length >= 3 && !vocabulary.has(folded)) {
				vocabulary.set(folded, word);
			}
		}
	}
	const dictionary = new MiniSearch<{ id: string }>({
		fields: ['id'],
		tokenize: (text) => [text],
		processTerm: (term) => term
	});
	dictionary.addAll([...vocabulary.keys()].map((id) => ({ id })));

	const find = (query: string) => {
		if (words(query).length === 0) return documents.map((document) => document.id);
		return index.search(query).map((result) => String(result.id));
	};

	return {
		find,
		suggest(query) {
			const asked = words(query);
			if (asked.length === 0 || find(query).length > 0) return undefined;
			const closest = asked.map((word) => {
				const [best] = dictionary.search(word, { fuzzy: SUGGESTION_TOLERANCE });
				return best ? vocabulary.get(String(best.id))! : word;
			});
			const suggestion = closest.join(' ');
			return fold(suggestion) !== asked.join(' ') && find(suggestion).length > 0
				? suggestion
				: undefined;
		}
	};
}
