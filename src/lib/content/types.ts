import type { Locale } from '$lib/i18n/locales';

/**
 * A block of content in Spanish (the source) and, when a translator has written it, in
 * Wayuunaiki with its review state. A block is translated and reviewed as a whole, and a page
 * falls back to Spanish block by block.
 */
export interface Block<T> {
	es: T;
	guc?: { review: 'draft' | 'reviewed'; text: T };
}

/** missing: no translation, the Spanish shows; original: the page is in Spanish. */
export type Review = 'original' | 'draft' | 'reviewed' | 'missing';

export interface Resolved<T> {
	/** The language the text is really in. */
	lang: Locale;
	review: Review;
	text: T;
}

/** The text of a block in a language, or the Spanish text when there is no translation yet. */
export function resolve<T>(block: Block<T>, lang: Locale): Resolved<T> {
	if (lang === 'es') return { lang: 'es', review: 'original', text: block.es };
	const translation = block[lang];
	if (translation) return { lang, review: translation.review, text: translation.text };
	return { lang: 'es', review: 'missing', text: block.es };
}
