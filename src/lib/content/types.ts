import type { Locale } from '$lib/i18n/locales';

/**
 * A block of content in Spanish (the source) and, when a translator has written it, in
 * Wayuunaiki with its review state. A block is shown translated as a whole, once every field is
 * reviewed, and a page falls back to Spanish block by block: a draft never reaches a page.
 */
export interface Block<T> {
	es: T;
	guc?: { review: 'draft' | 'reviewed'; text: T };
}

/**
 * missing: no translation, the Spanish shows; draft: a translation is waiting for review, the
 * Spanish shows meanwhile; original: the page is in Spanish.
 */
export type Review = 'original' | 'draft' | 'reviewed' | 'missing';

export interface Resolved<T> {
	/** The language the text is really in. */
	lang: Locale;
	review: Review;
	text: T;
}

/** What the translation studio published for a block while the server runs. */
export type Published = { review: 'reviewed'; text: unknown } | { review: 'draft' };

let published = new WeakMap<object, Partial<Record<Locale, Published>>>();

/**
 * Replaces what the studio published for every block (reviewed translations, and which blocks
 * have a draft), in this process; `server/translations` calls it whenever the database changed.
 */
export function publishBlocks(entries: Iterable<[Block<unknown>, Locale, Published]>): void {
	const next = new WeakMap<object, Partial<Record<Locale, Published>>>();
	for (const [block, lang, state] of entries)
		next.set(block, { ...next.get(block), [lang]: state });
	published = next;
}

/** The text of a block in a language, or the Spanish text while no reviewed translation exists. */
export function resolve<T>(block: Block<T>, lang: Locale): Resolved<T> {
	if (lang === 'es') return { lang: 'es', review: 'original', text: block.es };
	const live = published.get(block)?.[lang];
	if (live?.review === 'reviewed') return { lang, review: 'reviewed', text: live.text as T };
	const shipped = block[lang];
	if (!live && shipped?.review === 'reviewed')
		return { lang, review: 'reviewed', text: shipped.text };
	return { lang: 'es', review: live || shipped ? 'draft' : 'missing', text: block.es };
}
