import type { RequestHandler } from '@sveltejs/kit';
import { translator } from '$lib/i18n/translator';
import { collect, document } from '$lib/server/http/openapi';
import { reply } from '$lib/server/web/api';
import { requestLocale } from '$lib/server/http/problems';

// Every endpoint module under /api/v1 describes itself; this one only gathers them.
const modules = import.meta.glob<Record<string, unknown>>(
	['/src/routes/api/v1/**/+server.ts', '!/src/routes/api/v1/openapi.json/+server.ts'],
	{ eager: true }
);

// In the language of ?lang= or Accept-Language, like the API's problem titles.
export const GET: RequestHandler = async ({ url, request }) => {
	const lang = requestLocale(url, request.headers);
	const { t } = await translator(lang);
	return reply(document(collect(modules), '1.0.0', t), {
		lang,
		headers: { 'cache-control': 'no-cache' }
	});
};
