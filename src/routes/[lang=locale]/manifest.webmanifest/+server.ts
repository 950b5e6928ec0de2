import type { RequestHandler } from './$types';
import { isLocale } from '$lib/i18n/locales';
import { translator } from '$lib/i18n/translator';
import { webManifest } from '$lib/offline/manifest';
import { error } from '@sveltejs/kit';

export const GET: RequestHandler = async ({ params }) => {
	if (!isLocale(params.lang)) error(404, 'Not found');
	const manifest = webManifest(params.lang, await translator(params.lang));
	return new Response(JSON.stringify(manifest), {
		headers: {
			'content-type': 'application/manifest+json; charset=utf-8',
			'cache-control': 'public, max-age=3600'
		}
	});
};
