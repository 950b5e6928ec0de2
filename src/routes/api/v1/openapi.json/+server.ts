import type { RequestHandler } from '@sveltejs/kit';
import { collect, document } from '$lib/server/http/openapi';
import { reply } from '$lib/server/web/api';

// Every endpoint module under /api/v1 describes itself; this one only gathers them.
const modules = import.meta.glob<Record<string, unknown>>(
	['/src/routes/api/v1/**/+server.ts', '!/src/routes/api/v1/openapi.json/+server.ts'],
	{ eager: true }
);

export const GET: RequestHandler = () =>
	reply(document(collect(modules), '1.0.0'), { headers: { 'cache-control': 'no-cache' } });
