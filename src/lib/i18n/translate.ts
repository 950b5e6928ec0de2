import { DEFAULT_LOCALE, type Locale } from './locales';

// The few i18next features the app uses — "ns:key.path", {{value}} interpolation, _one/_other
// plurals by `count`, Spanish fallback — in a few hundred bytes, so interactive pages do not ship
// i18next to the browser. Same behaviour on the server and in the browser.

/** Strings of one language: namespace → nested object of strings. */
export type Bundle = Record<string, Record<string, unknown>>;
/** Values for interpolation; `count` also picks the plural form. */
export type TOptions = Record<string, unknown> & { count?: number };

export interface TextPart {
	text: string;
	/** The language the text is really in: the page's, or Spanish when Wayuunaiki is missing. */
	lang: Locale;
}

export interface Translator {
	lang: Locale;
	/** The text of a key; a missing Wayuunaiki string falls back to Spanish. */
	t(key: string, options?: TOptions): string;
	/** The text of a key and the language it is in, for marking fallbacks with lang="es". */
	part(key: string, options?: TOptions): TextPart;
	/**
	 * The language of a text already translated with t(): this locale's when it is one of its
	 * own strings (placeholders filled in), Spanish otherwise. For components that receive text.
	 */
	langOf(text: string): Locale;
}

/** Strings as patterns, `{{count}} días` → /^(.*?) días$/; strings that are only placeholders are left out. */
export function templatePatterns(strings: Iterable<string>): RegExp[] {
	const patterns: RegExp[] = [];
	for (const template of strings) {
		const parts = template.split(/\{\{[^}]*\}\}/);
		if (!parts.join('').trim()) continue;
		const escaped = parts.map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
		patterns.push(new RegExp(`^${escaped.join('[\\s\\S]*?')}$`));
	}
	return patterns;
}

function strings(value: unknown, out: string[] = []): string[] {
	if (typeof value === 'string') out.push(value);
	else if (value && typeof value === 'object')
		for (const child of Object.values(value)) strings(child, out);
	return out;
}

const DEFAULT_NS = 'common';
// Intl knows no Wayuunaiki plural rules; the Spanish ones decide the form in both languages.
const plurals = new Intl.PluralRules('es');

function lookup(bundle: Bundle | undefined, ns: string, path: string): string | undefined {
	let node: unknown = bundle?.[ns];
	for (const segment of path.split('.')) {
		if (node === null || typeof node !== 'object') return undefined;
		node = (node as Record<string, unknown>)[segment];
	}
	// Like i18next with returnEmptyString: false, an empty string counts as missing.
	return typeof node === 'string' && node !== '' ? node : undefined;
}

function resolve(bundle: Bundle | undefined, ns: string, path: string, count: unknown) {
	if (typeof count === 'number') {
		const form =
			lookup(bundle, ns, `${path}_${plurals.select(count)}`) ?? lookup(bundle, ns, `${path}_other`);
		if (form !== undefined) return form;
	}
	return lookup(bundle, ns, path);
}

function interpolate(text: string, options: TOptions | undefined): string {
	if (!options) return text;
	return text.replace(/\{\{\s*-?\s*([\w.]+)\s*\}\}/g, (whole, name: string) => {
		const value = options[name];
		return value === undefined || value === null ? whole : String(value);
	});
}

/** A translator over the given bundles: the page's language and, for other languages, Spanish. */
export function createTranslator(
	lang: Locale,
	bundles: Partial<Record<Locale, Bundle>>
): Translator {
	function part(key: string, options?: TOptions): TextPart {
		const split = key.indexOf(':');
		const ns = split < 0 ? DEFAULT_NS : key.slice(0, split);
		const path = split < 0 ? key : key.slice(split + 1);
		const own = resolve(bundles[lang], ns, path, options?.count);
		if (own !== undefined) return { text: interpolate(own, options), lang };
		const fallback =
			lang === DEFAULT_LOCALE
				? undefined
				: resolve(bundles[DEFAULT_LOCALE], ns, path, options?.count);
		if (fallback !== undefined)
			return { text: interpolate(fallback, options), lang: DEFAULT_LOCALE };
		// i18next answers a missing key with the key itself (without its namespace).
		return { text: path, lang: DEFAULT_LOCALE };
	}
	// Built on first use: only Wayuunaiki pages with text components need it.
	let own: RegExp[] | undefined;
	function langOf(text: string): Locale {
		if (lang === DEFAULT_LOCALE) return lang;
		own ??= templatePatterns(strings(bundles[lang]));
		return own.some((pattern) => pattern.test(text.trim())) ? lang : DEFAULT_LOCALE;
	}
	return { lang, part, langOf, t: (key, options) => part(key, options).text };
}
