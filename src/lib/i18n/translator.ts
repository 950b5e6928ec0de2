import { createInstance, type TOptions as I18nextOptions } from 'i18next';
import { DEFAULT_LOCALE, LOCALES, type Locale } from './locales';

// One i18next instance per process renders every string: pages, emails, problem titles, the .ics
// text and the OpenAPI descriptions. Pages render on the server only, so no catalogue travels to
// the browser; the few strings a page's script shows are rendered into the page.

/** Values for interpolation; `count` also picks the plural form. */
export type TOptions = Record<string, unknown> & { count?: number };

/** Strings of one namespace: a nested object of strings, as in `locales/{lang}/{ns}.json`. */
export type Strings = Record<string, unknown>;

export interface TextPart {
	text: string;
	/** The language the text is really in: the page's, or Spanish when Wayuunaiki is missing. */
	lang: Locale;
}

/** The singular and plural forms of a string with `{{count}}` left for a page's script to fill. */
export interface PluralForms {
	one: TextPart;
	other: TextPart;
}

export interface Translator {
	lang: Locale;
	/** The text of a key; a missing Wayuunaiki string falls back to Spanish. */
	t(key: string, options?: TOptions): string;
	/** The text of a key and the language it is in, for marking fallbacks with lang="es". */
	part(key: string, options?: TOptions): TextPart;
	/** Whether this language has its own string for the key, without falling back to Spanish. */
	has(key: string, options?: TOptions): boolean;
	/**
	 * The language of a text already translated with t(): this locale's when it is one of its
	 * own strings (placeholders filled in), Spanish otherwise. For components that receive text.
	 */
	langOf(text: string): Locale;
	/** The forms of a plural string for a number only the browser knows (a character counter). */
	forms(key: string, options?: TOptions): PluralForms;
	/** How many of the Spanish strings this language has its own string for, and of how many. */
	coverage(): { own: number; total: number };
}

const files = import.meta.glob<Strings>('/locales/*/*.json', { eager: true, import: 'default' });

function namespaceOf(path: string): string {
	return path.slice(path.lastIndexOf('/') + 1, -'.json'.length);
}

/** Every namespace the app has (the Spanish files are the reference). */
export const NAMESPACES: readonly string[] = Object.keys(files)
	.filter((path) => path.startsWith(`/locales/${DEFAULT_LOCALE}/`))
	.map(namespaceOf);

/** Review states of the translations shipped in the files (`locales/guc.review.json`). */
const reviews = import.meta.glob<Record<string, string>>('/locales/*.review.json', {
	eager: true,
	import: 'default'
});

/** `ns:key` → `reviewed` or `draft`, for the strings of a language's locale files. */
export function fileReview(lang: Locale): Record<string, string> {
	return reviews[`/locales/${lang}.review.json`] ?? {};
}

/** A namespace's strings without those whose review state is not `reviewed`. */
function reviewedOnly(strings: Strings, prefix: string, review: Record<string, string>): Strings {
	const kept: Strings = {};
	for (const [name, value] of Object.entries(strings)) {
		const key = `${prefix}${name}`;
		if (typeof value === 'string') {
			if (review[key] === 'reviewed') kept[name] = value;
		} else if (value && typeof value === 'object') {
			const inner = reviewedOnly(value as Strings, `${key}.`, review);
			if (Object.keys(inner).length) kept[name] = inner;
		}
	}
	return kept;
}

/**
 * The strings of one language as the locale files hold them (a copy: i18next changes its own).
 * With `reviewed`, a translation only when its review state says so: a draft never reaches a page.
 */
export function fileStrings(lang: Locale, { reviewed = false } = {}): Record<string, Strings> {
	const found: Record<string, Strings> = {};
	const review = fileReview(lang);
	for (const [path, strings] of Object.entries(files)) {
		if (!path.startsWith(`/locales/${lang}/`)) continue;
		const ns = namespaceOf(path);
		found[ns] =
			reviewed && lang !== DEFAULT_LOCALE
				? reviewedOnly(strings, `${ns}:`, review)
				: structuredClone(strings);
	}
	return found;
}

const shown = (lang: Locale) => fileStrings(lang, { reviewed: true });

const i18n = createInstance();
// A time ends in "p. m." and so may a placeholder at the end of a sentence: "… a 5:00 p. m.." reads
// as a typo. Two full stops in a row become one (an ellipsis stays).
i18n.use({
	type: 'postProcessor',
	name: 'oneFullStop',
	process: (value: string) => value.replace(/(?<!\.)\.\.(?!\.)/g, '.')
});
void i18n.init({
	postProcess: ['oneFullStop'],
	resources: Object.fromEntries(LOCALES.map((lang) => [lang, shown(lang)])),
	lng: DEFAULT_LOCALE,
	fallbackLng: DEFAULT_LOCALE,
	supportedLngs: [...LOCALES],
	ns: [...NAMESPACES],
	defaultNS: 'common',
	nsSeparator: ':',
	keySeparator: '.',
	// An empty string is a string nobody wrote yet: fall back to Spanish.
	returnEmptyString: false,
	// Svelte escapes what it renders; emails escape their own HTML.
	interpolation: { escapeValue: false },
	// The resources are here already: init is synchronous.
	initAsync: false
});

// i18next asks Intl for a language's plural rules, and Intl knows none for Wayuunaiki (it would
// answer with the process's default locale). Wayuunaiki strings follow the Spanish forms.
const SPANISH_RULES: readonly string[] = ['guc'];
const plurals = i18n.services.pluralResolver as {
	getRule(code: string, options?: object): Intl.PluralRules | undefined;
};
const ownRule = plurals.getRule.bind(plurals);
plurals.getRule = (code, options) =>
	ownRule(SPANISH_RULES.includes(code) ? DEFAULT_LOCALE : code, options);

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

function stringsIn(value: unknown, out: string[] = []): string[] {
	if (typeof value === 'string') out.push(value);
	else if (value && typeof value === 'object')
		for (const child of Object.values(value)) stringsIn(child, out);
	return out;
}

// A language's own strings as patterns, built on first use and again after its strings change.
const ownPatterns = new Map<string, RegExp[]>();
// The parts of keys asked without values, by language: a page's header and footer ask the same
// forty strings on every request, and i18next takes longer to find one than a Map does (in a rush
// of the booking pages, translating took about a tenth of the server's time). Forgotten with the
// patterns when the language's strings change.
const keptParts = new Map<string, Map<string, TextPart>>();
// What share of the Spanish strings a language has: the notice on every translated page says it.
const keptCoverage = new Map<string, { own: number; total: number }>();
const forget = (lang: string) => {
	ownPatterns.delete(lang);
	keptParts.delete(lang);
	// Spanish strings are the total of every language's share.
	if (lang === DEFAULT_LOCALE) keptCoverage.clear();
	else keptCoverage.delete(lang);
};
i18n.store.on('added', forget);
i18n.store.on('removed', forget);

function patternsOf(lang: Locale): RegExp[] {
	let found = ownPatterns.get(lang);
	if (!found) {
		found = templatePatterns(stringsIn(i18n.getDataByLanguage(lang)));
		ownPatterns.set(lang, found);
	}
	return found;
}

/** The non-empty strings of a language by their full key ("ns:a.b"). */
function keyedStrings(lang: Locale): Map<string, string> {
	const out = new Map<string, string>();
	const visit = (prefix: string, value: unknown) => {
		if (typeof value === 'string') {
			if (value.trim()) out.set(prefix, value);
		} else if (value && typeof value === 'object') {
			for (const [name, child] of Object.entries(value)) visit(`${prefix}.${name}`, child);
		}
	};
	for (const [ns, strings] of Object.entries(i18n.getDataByLanguage(lang) ?? {})) {
		for (const [name, child] of Object.entries(strings as Strings)) visit(`${ns}:${name}`, child);
	}
	return out;
}

function createTranslator(lang: Locale): Translator {
	const fixed = i18n.getFixedT(lang) as unknown as (
		key: string,
		options?: I18nextOptions
	) => string;
	const has = (key: string, options?: TOptions) =>
		Boolean(i18n.exists(key, { ...options, lng: lang, fallbackLng: false }));
	const partOf = (key: string, options?: TOptions): TextPart => ({
		text: fixed(key, options ?? {}),
		lang: lang !== DEFAULT_LOCALE && has(key, options) ? lang : DEFAULT_LOCALE
	});
	const part = (key: string, options?: TOptions): TextPart => {
		if (options) return partOf(key, options);
		let kept = keptParts.get(lang);
		if (!kept) keptParts.set(lang, (kept = new Map()));
		let found = kept.get(key);
		if (!found) kept.set(key, (found = Object.freeze(partOf(key))));
		return found;
	};
	const t = (key: string, options?: TOptions) => (options ? fixed(key, options) : part(key).text);
	return {
		lang,
		t,
		part,
		has,
		langOf(text) {
			if (lang === DEFAULT_LOCALE) return lang;
			return patternsOf(lang).some((pattern) => pattern.test(text.trim())) ? lang : DEFAULT_LOCALE;
		},
		forms(key, options) {
			// The count picks the form; `replace` keeps {{count}} in it for the browser.
			const form = (count: number) =>
				part(key, { ...options, count, replace: { ...options, count: '{{count}}' } });
			return { one: form(1), other: form(2) };
		},
		coverage() {
			let found = keptCoverage.get(lang);
			if (!found) {
				const source = keyedStrings(DEFAULT_LOCALE);
				const own = keyedStrings(lang);
				found = {
					own: [...source.keys()].filter((key) => own.has(key)).length,
					total: source.size
				};
				keptCoverage.set(lang, found);
			}
			return { ...found };
		}
	};
}

const translators = new Map<Locale, Translator>(
	LOCALES.map((lang) => [lang, createTranslator(lang)])
);

/** The translator of a language, for server code (pages, emails, problems, API answers). */
export async function translator(lang: Locale): Promise<Translator> {
	return translators.get(lang) ?? translators.get(DEFAULT_LOCALE)!;
}

/**
 * Adds or replaces strings of one namespace while the server runs, as the Wayuunaiki studio does
 * with reviewed strings from the database. It changes this process only: every instance calls it
 * for itself (when it starts, and when told the strings changed; see `server/live.ts`).
 */
export function putStrings(lang: Locale, ns: string, strings: Strings): void {
	i18n.addResourceBundle(lang, ns, strings, true, true);
}

/** Back to the (reviewed) strings of the locale files for one language, dropping those added at run time. */
export function resetStrings(lang: Locale): void {
	const own = shown(lang);
	for (const ns of new Set([...NAMESPACES, ...Object.keys(i18n.getDataByLanguage(lang) ?? {})])) {
		i18n.removeResourceBundle(lang, ns);
		i18n.addResourceBundle(lang, ns, own[ns] ?? {}, false, true);
	}
}
