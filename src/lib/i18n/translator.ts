import { createInstance, type i18n, type TOptions } from 'i18next';
import { DEFAULT_LOCALE, type Locale } from './locales';

type Resources = Record<string, Record<string, unknown>>;

// Lazy, so a page only downloads the strings of its own language.
const files = import.meta.glob<{ default: Record<string, unknown> }>('/locales/*/*.json');

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

async function load(lang: Locale): Promise<Resources> {
	const resources: Resources = {};
	await Promise.all(
		Object.entries(files)
			.filter(([path]) => path.startsWith(`/locales/${lang}/`))
			.map(async ([path, loader]) => {
				const ns = path.slice(path.lastIndexOf('/') + 1, -'.json'.length);
				resources[ns] = (await loader()).default;
			})
	);
	return resources;
}

const cache = new Map<Locale, Promise<Translator>>();

async function build(lang: Locale): Promise<Translator> {
	const bundles: Partial<Record<Locale, Resources>> = { [lang]: await load(lang) };
	if (lang !== DEFAULT_LOCALE) bundles[DEFAULT_LOCALE] = await load(DEFAULT_LOCALE);
	const instance: i18n = createInstance();
	await instance.init({
		lng: lang,
		fallbackLng: DEFAULT_LOCALE,
		resources: bundles as Record<string, Resources>,
		ns: Object.keys(bundles[DEFAULT_LOCALE] ?? bundles[lang] ?? {}),
		defaultNS: 'common',
		nsSeparator: ':',
		returnEmptyString: false,
		interpolation: { escapeValue: false }
	});
	const t = (key: string, options?: TOptions) => instance.t(key, options ?? {}) as string;
	const own = lang === DEFAULT_LOCALE ? [] : templatePatterns(strings(bundles[lang]));
	return {
		lang,
		t,
		langOf(text) {
			if (lang === DEFAULT_LOCALE) return lang;
			return own.some((pattern) => pattern.test(text.trim())) ? lang : DEFAULT_LOCALE;
		},
		part(key, options) {
			const own = instance.exists(key, { lng: lang, fallbackLng: false } as TOptions);
			return { text: t(key, options), lang: own ? lang : DEFAULT_LOCALE };
		}
	};
}

export function translator(lang: Locale): Promise<Translator> {
	let found = cache.get(lang);
	if (!found) {
		found = build(lang);
		cache.set(lang, found);
	}
	return found;
}
