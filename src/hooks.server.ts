import type { Handle, HandleServerError, RequestEvent, ServerInit } from '@sveltejs/kit';
import { randomUUID } from 'node:crypto';
import { DEFAULT_LOCALE, isLocale } from '$lib/i18n/locales';
import { calls } from '$lib/server/calls';
import { checkServing, config } from '$lib/server/config';
import { connect, database, migrate, unavailable, writePosition } from '$lib/server/db';
import { start as startWorker, stop as stopWorker } from '$lib/server/worker';
import { seed } from '$lib/server/db/seed';
import {
	Problem,
	problemResponse,
	requestLocale,
	RETRY_AFTER_SECONDS,
	unavailableProblem
} from '$lib/server/http/problems';
import { translator } from '$lib/i18n/translator';
import { errorFields, log } from '$lib/server/log';
import { radicados } from '$lib/server/radicados';
import { live } from '$lib/server/live';
import { clock } from '$lib/server/clock';
import { localDate } from '$lib/domain/local-time';
// Their modules register how published content, reviewed translations and recordings are loaded
// into this process.
import { followCharter, publishedWord } from '$lib/server/content-items';
import '$lib/server/recordings';
import '$lib/server/translations';
import { staff } from '$lib/server/staff';
import { crossSiteForm, crossSiteRefusal } from '$lib/server/web/cross-site';
import { pageCache } from '$lib/server/web/page-cache';
import { sessionCookie } from '$lib/server/web/staff';
import { testingHook } from '$lib/server/web/testing-hooks';

export const init: ServerInit = async () => {
	checkServing();
	const started = Date.now();
	const handle = await connect();
	const opened = Date.now();
	let migrated: number;
	// A database still starting (or restarting) is waited for: exiting would only restart us.
	for (let attempt = 1; ; attempt++) {
		try {
			await migrate(handle, config.databaseUrl);
			migrated = Date.now();
			await seed(handle.db);
			// Petitions filed before the desk existed get the dates their band is told by.
			await radicados.fillBandDates(handle.db);
			break;
		} catch (error) {
			if (!unavailable(error)) throw error;
			log.warn('database unavailable at start-up', { attempt, ...errorFields(error) });
			await new Promise((resolve) => setTimeout(resolve, Math.min(attempt, 5) * 1000));
		}
	}
	// Where a restart's time goes: opening the database, migrations, the seed.
	log.info('database ready', {
		kind: handle.kind,
		ms: Date.now() - started,
		openMs: opened - started,
		migrateMs: migrated - opened,
		seedMs: Date.now() - migrated
	});
	// Reviewed Wayuunaiki and recordings from the database, and word of their changes from any instance.
	await live.load(handle.db);
	await live.listen(handle).catch((error: unknown) => {
		log.warn('not listening for changes: checking every few seconds instead', errorFields(error));
	});
	startWorker(handle.db, config.workerIntervalMs);
	// scripts/start.js (like adapter-node) emits this once the server has stopped accepting and the
	// requests in flight have finished: the worker ends its current task, the call rooms' LISTEN
	// connection closes, then the database.
	process.once('sveltekit:shutdown', async () => {
		await stopWorker();
		await calls.close();
		await handle.close();
		log.info('stopped', { ms: Date.now() - started });
	});
};

const SECURITY_HEADERS: Record<string, string> = {
	'x-content-type-options': 'nosniff',
	'x-frame-options': 'DENY',
	'referrer-policy': 'strict-origin-when-cross-origin',
	'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
	'cross-origin-opener-policy': 'same-origin'
};

function https(event: RequestEvent): boolean {
	return (
		event.url.protocol === 'https:' ||
		event.request.headers.get('x-forwarded-proto')?.split(',')[0]?.trim() === 'https'
	);
}

/**
 * What a request that needed the database gets while it is unavailable: problem+json from the
 * API, an error result for an enhanced form, a plain page otherwise; all 503 with Retry-After.
 */
async function unavailableResponse(event: RequestEvent): Promise<Response> {
	const retry = { 'retry-after': String(RETRY_AFTER_SECONDS), 'cache-control': 'no-store' };
	if (event.url.pathname.startsWith('/api/')) {
		return problemResponse(unavailableProblem(), requestLocale(event.url, event.request.headers));
	}
	// Spanish on every page: there is no reviewed Wayuunaiki text for this message.
	const { t } = await translator('es');
	if (event.request.headers.get('x-sveltekit-action') === 'true') {
		return Response.json(
			{ type: 'error', error: { message: t('errors:unavailable.body') } },
			{ status: 503, headers: retry }
		);
	}
	const html = `<!doctype html>
<html lang="es">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${t('errors:unavailable.title')} — Ventanilla</title>
</head>
<body>
<main>
<h1>${t('errors:unavailable.title')}</h1>
<p>${t('errors:unavailable.body')}</p>
<p><a href="/es">${t('errors:home')}</a></p>
</main>
</body>
</html>
`;
	return new Response(html, {
		status: 503,
		headers: {
			...retry,
			'content-type': 'text/html; charset=utf-8',
			'content-security-policy': "default-src 'none'; base-uri 'none'; frame-ancestors 'none'"
		}
	});
}

async function respond(event: RequestEvent, resolve: Parameters<Handle>[0]['resolve']) {
	await live.fresh(await database());
	// A charter version prepared in advance takes effect on its date; kept pages then render again.
	if (followCharter(localDate(clock.now()))) live.bump();
	if (event.url.pathname.startsWith('/staff') || event.url.pathname.startsWith('/api/v1/staff')) {
		event.locals.staff = await staff.session(await database(), sessionCookie.get(event.cookies));
	}
	if (crossSiteForm(event.request, event.url)) {
		return crossSiteRefusal(event);
	}
	const lang = isLocale(event.params.lang) ? event.params.lang : DEFAULT_LOCALE;
	const content = publishedWord();
	return pageCache.respond(
		event,
		resolve,
		{
			transformPageChunk: ({ html }) => html.replace('%lang%', lang).replace('%content%', content)
		},
		{ dataVersion: async () => writePosition(await database()) }
	);
}

export const handle: Handle = async ({ event, resolve }) => {
	const started = performance.now();
	event.locals.requestId = event.request.headers.get('x-request-id')?.slice(0, 64) || randomUUID();

	const testing = await testingHook(event);
	if (testing) return testing;

	let response = await respond(event, resolve).catch((error: unknown) => {
		if (!unavailable(error)) throw error;
		noteUnavailable(event, error);
		return undefined;
	});
	// handleError marks requests whose load or action failed for want of the database.
	if (!response || event.locals.unavailable) response = await unavailableResponse(event);
	// Pages of data kept by the page cache ask the database again before the next answer.
	if (event.request.method !== 'GET' && event.request.method !== 'HEAD') pageCache.written();

	// SvelteKit answers a wrong method with plain text; the API promises problem+json.
	if (response.status === 405 && event.url.pathname.startsWith('/api/')) {
		const allow = response.headers.get('allow');
		response = await problemResponse(
			new Problem('METHOD_NOT_ALLOWED', { headers: allow ? { allow } : {} }),
			requestLocale(event.url, event.request.headers)
		);
	}

	for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
		if (!response.headers.has(name)) response.headers.set(name, value);
	}
	// The recording studio is the one page that may ask for the microphone.
	if (event.route.id?.startsWith('/staff/grabaciones')) {
		response.headers.set(
			'permissions-policy',
			SECURITY_HEADERS['permissions-policy']!.replace('microphone=()', 'microphone=(self)')
		);
	}
	if (https(event)) {
		response.headers.set('strict-transport-security', 'max-age=63072000; includeSubDomains');
	}
	response.headers.set('x-request-id', event.locals.requestId);

	// The route id, never the raw path: paths can carry references and tokens. A request its client
	// gave up on is logged as 499 (client closed request): nobody got the answer, and it is no error.
	const closed = clientClosed(event);
	log.info('request', {
		requestId: event.locals.requestId,
		method: event.request.method,
		route: event.route.id ?? 'unmatched',
		status: closed ? 499 : response.status,
		ms: Math.round(performance.now() - started)
	});
	return response;
};

/** Whether the client went away before the request was read and answered. */
function clientClosed(event: RequestEvent, error?: unknown): boolean {
	const code = (error as { code?: unknown } | undefined)?.code;
	return event.request.signal.aborted || code === 'ECONNRESET' || code === 'ECONNABORTED';
}

function noteUnavailable(event: RequestEvent, error: unknown): void {
	event.locals.unavailable = true;
	log.warn('database unavailable', {
		requestId: event.locals.requestId,
		route: event.route.id ?? 'unmatched',
		...errorFields(error)
	});
}

export const handleError: HandleServerError = ({ error, event, status }) => {
	if (unavailable(error)) {
		noteUnavailable(event, error);
		return { message: 'Unavailable' };
	}
	if (clientClosed(event, error)) {
		log.info('client closed the request', {
			requestId: event.locals.requestId,
			route: event.route.id ?? 'unmatched'
		});
		return { message: 'Client closed request' };
	}
	// 4xx here are the client's doing (a body over the limit, a missing page): not our errors.
	if (status >= 500) {
		log.error('unhandled error', {
			requestId: event.locals.requestId,
			route: event.route.id ?? 'unmatched',
			status,
			...errorFields(error)
		});
	}
	return { message: status === 404 ? 'Not found' : 'Internal error' };
};
