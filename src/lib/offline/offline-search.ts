// Relative imports: the service worker bundles this.
import { findServices } from '../content/service-search';
import { SEGMENTS, type Segment } from '../content/services';
import { LOCALES, type Locale } from '../i18n/locales';

/** `/es/servicios` → es: the service list page of a language, whose kept copy can be searched. */
export function servicesPageLang(pathname: string): Locale | undefined {
	const match = /^\/([a-z]+)\/servicios\/?$/.exec(pathname);
	return LOCALES.find((locale) => locale === match?.[1]);
}

const escapeHtml = (text: string) =>
	text.replace(/[&<>"]/g, (character) => `&#${character.charCodeAt(0)};`);

const unescapeHtml = (text: string) =>
	text.replace(/&#(\d+);|&quot;|&amp;|&lt;|&gt;/g, (entity, code: string | undefined) =>
		code
			? String.fromCharCode(Number(code))
			: { '&quot;': '"', '&amp;': '&', '&lt;': '<', '&gt;': '>' }[entity]!
	);

/**
 * The kept service list (every service, empty search box) answering a search made without signal:
 * the same search as the server's on the same portfolio, its results in order, the box keeping
 * what was typed, and a count that says the search ran on the phone.
 */
export function searchKeptServices(kept: string, lang: Locale, params: URLSearchParams): string {
	const q = (params.get('q') ?? '').trim().slice(0, 200);
	const asked = params.get('segment');
	const segment = SEGMENTS.find((candidate) => candidate === asked) as Segment | undefined;
	const { slugs } = findServices(lang, q, segment);

	const items = new Map<string, string>();
	for (const item of kept.matchAll(/<li\b[^>]*\bdata-slug="([^"]+)"[^>]*>[\s\S]*?<\/li>/g)) {
		items.set(item[1]!, item[0]);
	}
	const results = slugs.flatMap((slug) => items.get(slug) ?? []);

	return kept
		.replace(
			/(<ul class="results[^"]*"[^>]*>)[\s\S]*?(<\/ul>)/,
			(_, open: string, close: string) => `${open}${results.join('')}${close}`
		)
		.replace(/(<div class="count[^"]*"[^>]*>)[\s\S]*?(<\/div>)/, (_, open: string, close) => {
			const found = /data-offline-found="([^"]*)"/.exec(open)?.[1] ?? '';
			const none = /data-offline-none="([^"]*)"/.exec(open)?.[1] ?? '';
			const sentence = results.length
				? unescapeHtml(found).replace('{found}', String(results.length))
				: unescapeHtml(none);
			return `${open}<p>${escapeHtml(sentence)}</p>${close}`;
		})
		.replace(/<input\b[^>]*\bid="field-q"[^>]*>/, (input) =>
			input.replace(/ value="[^"]*"/, '').replace('<input', `<input value="${escapeHtml(q)}"`)
		)
		.replace(
			/(<select\b[^>]*\bid="field-segment"[^>]*>)([\s\S]*?)(<\/select>)/,
			(_, open, options: string, close) =>
				`${open}${options
					.replace(/ selected(="")?/g, '')
					.replace(`value="${segment ?? ''}"`, `value="${segment ?? ''}" selected`)}${close}`
		);
}
