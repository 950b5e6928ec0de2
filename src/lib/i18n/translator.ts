import { DEFAULT_LOCALE, type Locale } from './locales';
import { createTranslator, type Bundle, type Translator } from './translate';

export type { TextPart, TOptions, Translator } from './translate';
export { templatePatterns } from './translate';

// Lazy, so a process only reads the strings of the languages it serves.
const files = import.meta.glob<{ default: Record<string, unknown> }>('/locales/*/*.json');

function namespaceOf(path: string): string {
	return path.slice(path.lastIndexOf('/') + 1, -'.json'.length);
}

/** Every namespace the app has (the Spanish files are the reference). */
export const NAMESPACES: readonly string[] = Object.keys(files)
	.filter((path) => path.startsWith(`/locales/${DEFAULT_LOCALE}/`))
	.map(namespaceOf);

async function load(lang: Locale, namespaces: readonly string[]): Promise<Bundle> {
	const bundle: Bundle = {};
	await Promise.all(
		namespaces.map(async (ns) => {
			const loader = files[`/locales/${lang}/${ns}.json`];
			if (loader) bundle[ns] = (await loader()).default;
		})
	);
	return bundle;
}

/**
 * The strings of some namespaces in the page's language and, for Wayuunaiki, in Spanish as well:
 * what a page sends to the browser so that its script can translate without i18next.
 */
export async function bundles(
	lang: Locale,
	namespaces: readonly string[] = NAMESPACES
): Promise<Partial<Record<Locale, Bundle>>> {
	const result: Partial<Record<Locale, Bundle>> = { [lang]: await load(lang, namespaces) };
	if (lang !== DEFAULT_LOCALE) result[DEFAULT_LOCALE] = await load(DEFAULT_LOCALE, namespaces);
	return result;
}

const cache = new Map<Locale, Promise<Translator>>();

/** A translator over every namespace, for server code (e-mails, problems, API answers). */
export function translator(lang: Locale): Promise<Translator> {
	let found = cache.get(lang);
	if (!found) {
		found = bundles(lang).then((loaded) => createTranslator(lang, loaded));
		cache.set(lang, found);
	}
	return found;
}
