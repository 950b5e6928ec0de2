import type { RequestEvent } from '@sveltejs/kit';
import { DEFAULT_LOCALE, isLocale } from '$lib/i18n/locales';
import { translator } from '$lib/i18n/translator';
import { Problem, problemResponse, requestLocale } from '../http/problems';

const FORM_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain'];

/** A form posted from another site (CSRF): the types a cross-site form can send, another origin. */
export function crossSiteForm(request: Request, url: URL): boolean {
	if (['GET', 'HEAD', 'OPTIONS'].includes(request.method)) return false;
	const type = (request.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
	return FORM_TYPES.includes(type) && request.headers.get('origin') !== url.origin;
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
const escape = (text: string) => text.replace(/[&<>"]/g, (c) => ENTITIES[c]!);

/**
 * The refusal of a cross-site form: problem+json for the API, otherwise a small page in the
 * language of the address (Spanish for the console), with a way back to the start.
 */
export async function crossSiteRefusal(event: RequestEvent): Promise<Response> {
	if (event.url.pathname.startsWith('/api/')) {
		return problemResponse(
			new Problem('CROSS_SITE_FORM'),
			requestLocale(event.url, event.request.headers)
		);
	}
	const lang = isLocale(event.params.lang) ? event.params.lang : DEFAULT_LOCALE;
	const { part } = await translator(lang);
	// A string not yet written in Wayuunaiki comes in Spanish, and says so.
	const text = (key: string) => {
		const { text, lang: written } = part(key);
		return written === lang ? escape(text) : `<span lang="${written}">${escape(text)}</span>`;
	};
	const title = part('problems:CROSS_SITE_FORM.title').text;
	const html = [
		'<!doctype html>',
		`<html lang="${lang}">`,
		'<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">',
		`<title>${escape(title)} — Ventanilla</title></head>`,
		`<body><main><h1>${text('problems:CROSS_SITE_FORM.title')}</h1>`,
		`<p>${text('problems:CROSS_SITE_FORM.detail')}</p>`,
		`<p><a href="/${lang}">${text('errors:home')}</a></p></main></body></html>`
	].join('\n');
	return new Response(html, {
		status: 403,
		headers: { 'content-type': 'text/html; charset=utf-8', 'content-language': lang }
	});
}
