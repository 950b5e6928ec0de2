import type { Handle, HandleServerError, RequestEvent, ServerInit } from '@sveltejs/kit';
import { randomUUID } from 'node:crypto';
import { DEFAULT_LOCALE, isLocale } from '$lib/i18n/locales';
import { checkServing, config } from '$lib/server/config';
import { connect, database, migrate } from '$lib/server/db';
import { start as startWorker } from '$lib/server/worker';
import { seed } from '$lib/server/db/seed';
import { Problem, problemResponse, requestLocale } from '$lib/server/http/problems';
import { errorFields, log } from '$lib/server/log';
import { staff } from '$lib/server/staff';
import { crossSiteForm, crossSiteRefusal } from '$lib/server/web/cross-site';
import { sessionCookie } from '$lib/server/web/staff';
import { testingHook } from '$lib/server/web/testing-hooks';

export const init: ServerInit = async () => {
	checkServing();
	const started = Date.now();
	const handle = await connect();
	await migrate(handle, config.databaseUrl);
	await seed(handle.db);
	log.info('database ready', { kind: handle.kind, ms: Date.now() - started });
	startWorker(handle.db, config.workerIntervalMs);
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

export const handle: Handle = async ({ event, resolve }) => {
	const started = performance.now();
	event.locals.requestId = event.request.headers.get('x-request-id')?.slice(0, 64) || randomUUID();

	const testing = await testingHook(event);
	if (testing) return testing;

	if (event.url.pathname.startsWith('/staff') || event.url.pathname.startsWith('/api/v1/staff')) {
		event.locals.staff = await staff.session(await database(), sessionCookie.get(event.cookies));
	}

	const lang = isLocale(event.params.lang) ? event.params.lang : DEFAULT_LOCALE;
	let response: Response;
	if (crossSiteForm(event.request, event.url)) {
		response = await crossSiteRefusal(event);
	} else {
		response = await resolve(event, {
			transformPageChunk: ({ html }) => html.replace('%lang%', lang)
		});
	}

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
	if (https(event)) {
		response.headers.set('strict-transport-security', 'max-age=63072000; includeSubDomains');
	}
	response.headers.set('x-request-id', event.locals.requestId);

	// The route id, never the raw path: paths can carry references and tokens.
	log.info('request', {
		requestId: event.locals.requestId,
		method: event.request.method,
		route: event.route.id ?? 'unmatched',
		status: response.status,
		ms: Math.round(performance.now() - started)
	});
	return response;
};

export const handleError: HandleServerError = ({ error, event, status }) => {
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
