import type { Locale } from './locales';
import type { Translator } from './translator';

/**
 * The `lang` attribute for a text a component received already translated: "es" when it is a
 * Spanish fallback on a Wayuunaiki page, nothing when it is in the page's language.
 */
export function fallbackLang(
	i18n: Pick<Translator, 'lang' | 'langOf'>,
	text: string | undefined
): Locale | undefined {
	if (!text) return undefined;
	const lang = i18n.langOf(text);
	return lang === i18n.lang ? undefined : lang;
}
