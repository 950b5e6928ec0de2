/// <reference types="@sveltejs/kit" />
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
import { build, files, version } from '$service-worker';
import { addRoute, cleanupOutdatedCaches, matchPrecache, precache } from 'workbox-precaching';
import { registerRoute } from 'workbox-routing';
import { CacheFirst, NetworkFirst, NetworkOnly } from 'workbox-strategies';
import { ExpirationPlugin } from 'workbox-expiration';
import { RangeRequestsPlugin } from 'workbox-range-requests';
import { drafts, SYNC_TAG } from '$lib/offline/drafts';
import { draftAddress, draftFormAt, keepSubmission } from '$lib/offline/offline-form';
import { searchKeptServices, servicesPageLang } from '$lib/offline/offline-search';
import { allPrecachedPages, offlinePageFor } from '$lib/offline/precache-pages';
import { precacheEntries } from './entries';

const sw = self as unknown as ServiceWorkerGlobalScope;
interface SyncRegistration extends ServiceWorkerRegistration {
	sync?: { register(tag: string): Promise<void> };
}
const DAY = 24 * 60 * 60;

// The page that registered this worker put the published content's word in its address
// (`?contenido=`): a change of content makes a new worker, which keeps the changed pages.
const content = new URL(sw.location.href).searchParams.get('contenido');
precache(precacheEntries({ build, files, pages: allPrecachedPages(), version, content }));
cleanupOutdatedCaches();

// Pages kept on the device change only with a deployment or the content (their revision), so a
// plain visit gets the kept copy at once: a repeat visit on 2G paints in well under a second. With a
// query (the service search) the network first; after 3 s, or with no network, the kept copy (a
// search is then run on the phone, on the kept portfolio, with the server's rules); a page never
// kept gets the offline page. Only precached pages are stored: others may be personal.
const pageNetwork = new NetworkOnly({ networkTimeoutSeconds: 3 });
registerRoute(
	({ request }) => request.mode === 'navigate',
	async (options) => {
		const { pathname, search } = new URL(options.request.url);
		const kept = await matchPrecache(pathname);
		if (kept && !search) return kept;
		try {
			if (!kept) return await fetch(options.request);
			const response = await pageNetwork.handle(options);
			return response.status >= 500 ? kept : response;
		} catch {
			if (kept && search) return searchedOffline(kept, pathname, search);
			return kept ?? (await matchPrecache(offlinePageFor(pathname))) ?? Response.error();
		}
	}
);

async function searchedOffline(kept: Response, pathname: string, search: string) {
	const lang = servicesPageLang(pathname);
	if (!lang) return kept;
	const html = searchKeptServices(await kept.text(), lang, new URLSearchParams(search));
	return new Response(html, { headers: kept.headers });
}

// The petition and call-back forms post as plain HTML forms. When one gets no answer (no signal,
// or the answer lost on the way) or a 503 (the service cannot take it for now), what the person
// wrote is kept as a draft with the form's own key and the form's page shows it waiting
// (`?borrador={key}`) and sends it: filed exactly once.
registerRoute(
	({ request, url }) => request.mode === 'navigate' && draftFormAt(url.pathname) !== undefined,
	async ({ request, url }) => {
		const copy = request.clone();
		try {
			const response = await fetch(request);
			if (response.status !== 503) return response;
		} catch {
			// No answer: kept below.
		}
		const { kind, lang } = draftFormAt(url.pathname)!;
		const { draft, filesLeftOut } = await keepSubmission(kind, lang, await copy.formData());
		// Sent by Background Sync even if the page is closed; else by the page, or the next visit.
		await (sw.registration as SyncRegistration).sync?.register(SYNC_TAG).catch(() => undefined);
		return Response.redirect(draftAddress(draft, filesLeftOut), 303);
	},
	'POST'
);

// Everything precached that is not a page (scripts, styles, icons, manifests): from the device.
addRoute({ cleanURLs: false, directoryIndex: null, ignoreURLParametersMatching: [] });

// API reads: the network first, the last answer when it is slow or absent. Never anything that
// needs a token, and never appointment slots (a stale free slot would mislead) or staff data; nor
// the content's version, which only says something when it comes from the network.
const PRIVATE_API = /^\/api\/v1\/(appointments|staff|health|content\/version)(\/|$)/;
registerRoute(
	({ url, request, sameOrigin }) =>
		sameOrigin &&
		url.pathname.startsWith('/api/v1/') &&
		!PRIVATE_API.test(url.pathname) &&
		!request.headers.has('authorization') &&
		!url.searchParams.has('token'),
	new NetworkFirst({
		cacheName: 'api-reads',
		networkTimeoutSeconds: 3,
		plugins: [
			new ExpirationPlugin({ maxEntries: 80, maxAgeSeconds: 7 * DAY, purgeOnQuotaError: true })
		]
	})
);

// Audio: kept once downloaded whole (a 200), then played from the device, seeking included.
// A player's partial (206) answers are never stored, so listening online does not fill the phone.
registerRoute(
	({ url, request, sameOrigin }) =>
		sameOrigin && (url.pathname.startsWith('/audio/') || request.destination === 'audio'),
	new CacheFirst({
		cacheName: 'audio',
		plugins: [
			{ cacheWillUpdate: async ({ response }) => (response.status === 200 ? response : null) },
			new RangeRequestsPlugin(),
			new ExpirationPlugin({ maxEntries: 60, maxAgeSeconds: 90 * DAY, purgeOnQuotaError: true })
		]
	})
);

registerRoute(
	({ request, sameOrigin }) => sameOrigin && request.destination === 'image',
	new CacheFirst({
		cacheName: 'images',
		plugins: [
			new ExpirationPlugin({ maxEntries: 60, maxAgeSeconds: 30 * DAY, purgeOnQuotaError: true })
		]
	})
);

// Background Sync: drafts written offline are sent when the network returns, even with no page open.
// Throwing makes the browser try again later; the idempotency key makes every retry safe.
async function sendDrafts(): Promise<void> {
	const outcomes = await drafts.sendPending();
	if (outcomes.length) {
		for (const client of await sw.clients.matchAll()) {
			client.postMessage({ type: 'DRAFTS_SENT', outcomes });
		}
	}
	if (outcomes.some((outcome) => outcome.result === 'pending')) throw new Error('drafts pending');
}
sw.addEventListener('sync' as keyof ServiceWorkerGlobalScopeEventMap, (event) => {
	const sync = event as ExtendableEvent & { tag?: string };
	if (sync.tag === SYNC_TAG) sync.waitUntil(sendDrafts());
});

// A new version waits until the person presses "Actualizar" (workbox-window's messageSkipWaiting).
sw.addEventListener('message', (event) => {
	if (event.data?.type === 'SKIP_WAITING') void sw.skipWaiting();
});

// The first installation takes charge of open pages at once, so they work offline straight away.
sw.addEventListener('activate', (event) => event.waitUntil(sw.clients.claim()));
