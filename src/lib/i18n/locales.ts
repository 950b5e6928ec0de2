export const LOCALES = ['es', 'guc'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'es';

/** Each language named in itself, for the switcher. */
export const LANGUAGE_NAMES: Record<Locale, string> = {
	es: 'Español',
	guc: 'Wayuunaiki'
};

export function isLocale(value: unknown): value is Locale {
	return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/**
 * Picks the best locale from an Accept-Language header. Wayuunaiki wins only when asked for;
 * everything else gets Spanish.
 */
export function negotiate(header: string | null | undefined): Locale {
	if (!header) return DEFAULT_LOCALE;
	const ranked = header
		.split(',')
		.map((part, index) => {
			const [tag = '', ...params] = part.trim().split(';');
			const q = params.find((p) => p.trim().startsWith('q='));
			return { tag: tag.trim().toLowerCase(), q: q ? Number(q.trim().slice(2)) : 1, index };
		})
		.filter((entry) => entry.tag && entry.q > 0 && !Number.isNaN(entry.q))
		.sort((a, b) => b.q - a.q || a.index - b.index);
	for (const { tag } of ranked) {
		const base = tag.split('-')[0];
		if (isLocale(base)) return base;
	}
	return DEFAULT_LOCALE;
}

/** Dates and numbers: Intl knows nothing of Wayuunaiki, so both locales format as Colombian Spanish. */
export const INTL_LOCALE = 'es-CO';
