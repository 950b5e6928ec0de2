import type { RequestEvent, ResolveOptions } from '@sveltejs/kit';
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import { clock } from '../clock';
import { live } from '../live';

/**
 * The entity's published pages, kept rendered and compressed. A page that changes once a year was
 * rendered and compressed for every request: now it is rendered once per language and content
 * version, and its Brotli and gzip bytes are kept until the content changes. The content is in the
 * build (a new build is a new process) plus what officials publish while the app runs (reviewed
 * Wayuunaiki, recordings), which `live` loads on every instance and counts in `live.version()`.
 *
 * - `static`: the page depends on its path and the content only.
 * - `minute`: also on the app's clock, to the minute ("open now" on the contact page).
 * - `data`: also on the database (the indicators): kept until anything is written to the database
 *   or the minute changes. The database's write position (`dataVersion`, one query) is asked again
 *   after every change made through this instance (`pageCache.written()`) and at most a second
 *   after the last time, so a change made by another instance or the worker shows within a second;
 *   when the database is down the question fails and the page answers 503.
 *
 * Every kept page carries a weak ETag; `If-None-Match` with it is answered 304 with no body.
 * Only plain GETs without a query string are kept (searches are not), and only a 200 without
 * Set-Cookie: none of these pages carries personal data or a per-request nonce (the CSP has none).
 */
type Mode = 'static' | 'minute' | 'data';

const ROUTES: Record<string, Mode> = {
	'/[lang=locale]': 'static',
	'/[lang=locale]/carta-de-trato-digno': 'static',
	'/[lang=locale]/servicios': 'static',
	'/[lang=locale]/servicios/[slug]': 'static',
	'/[lang=locale]/glosario': 'static',
	'/[lang=locale]/accesibilidad': 'static',
	'/[lang=locale]/privacidad': 'static',
	'/[lang=locale]/contacto': 'minute',
	'/[lang=locale]/indicadores': 'data'
};

/** Headers of the render that belong to one response only, or that this module sets itself. */
const OWN_HEADERS = new Set(['content-length', 'content-encoding', 'etag', 'date', 'x-request-id']);

export interface Kept {
	/** What the page depends on besides its path: the content version, and the minute if it shows it. */
	key: string;
	etag: string;
	headers: [string, string][];
	identity: Uint8Array;
	br: Uint8Array;
	gzip: Uint8Array;
}

type Resolve = (event: RequestEvent, opts?: ResolveOptions) => Response | Promise<Response>;

export interface CacheOptions {
	/** Changes whenever the database's data changes (its write position); throws when it is down. */
	dataVersion(): Promise<string>;
}

const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);

/** By path: each page keeps its last rendering only, so the cache never outgrows the pages. */
const kept = new Map<string, Kept>();
/** Renderings under way: a rush on a page that just changed renders it once, not once per person. */
const pending = new Map<string, Promise<Kept | undefined>>();

/** How long the database's write position is trusted before it is asked again. */
const DATA_CHECK_MS = 1000;
/** The write position last asked for, shared by the requests of the next second. */
let data: { at: number; version: Promise<string> } | undefined;

function dataVersion(cache: CacheOptions): Promise<string> {
	const now = Date.now();
	if (!data || now - data.at >= DATA_CHECK_MS) {
		const version = cache.dataVersion();
		const asked = { at: now, version };
		data = asked;
		// A failed question (the database is down) is not kept: the next request asks again.
		version.catch(() => {
			if (data === asked) data = undefined;
		});
	}
	return data.version;
}

function modeOf(event: RequestEvent): Mode | undefined {
	if (event.request.method !== 'GET' || event.url.search !== '') return undefined;
	return event.route.id ? ROUTES[event.route.id] : undefined;
}

function keyOf(mode: Mode, data = ''): string {
	const minute = mode === 'static' ? '' : `:${Math.floor(clock.now().getTime() / 60_000)}`;
	return `${live.version()}${minute}${data}`;
}

/** The encoding to send: Brotli, else gzip, else none, as the client accepts (q=0 refuses). */
export function encodingFor(acceptEncoding: string | null): 'br' | 'gzip' | undefined {
	const accepted = new Map<string, number>();
	for (const part of (acceptEncoding ?? '').toLowerCase().split(',')) {
		const [name = '', ...params] = part.trim().split(';');
		const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find(Boolean);
		accepted.set(name.trim(), q === undefined ? 1 : Number(q));
	}
	const allows = (name: string) => (accepted.get(name) ?? accepted.get('*') ?? 0) > 0;
	if (allows('br')) return 'br';
	if (allows('gzip')) return 'gzip';
	return undefined;
}

/** Whether `If-None-Match` names this ETag (weak comparison, as RFC 9110 asks for GET). */
export function matches(ifNoneMatch: string | null, etag: string): boolean {
	if (!ifNoneMatch) return false;
	const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
	return ifNoneMatch.split(',').some((tag) => tag.trim() === '*' || opaque(tag) === opaque(etag));
}

/** Renders the page and keeps it compressed; undefined when this answer must not be kept. */
async function render(
	event: RequestEvent,
	resolve: Resolve,
	options: ResolveOptions,
	key: string
): Promise<{ kept?: Kept; response: Response }> {
	const response = await resolve(event, options);
	if (
		response.status !== 200 ||
		response.headers.has('set-cookie') ||
		!response.headers.get('content-type')?.startsWith('text/html') ||
		event.locals.unavailable
	) {
		return { response };
	}
	const identity = new Uint8Array(await response.arrayBuffer());
	const etag = `W/"${createHash('sha256').update(identity).digest('base64url').slice(0, 27)}"`;
	const headers = [...response.headers].filter(([name]) => !OWN_HEADERS.has(name));
	const previous = kept.get(event.url.pathname);
	// The same bytes as last time (a data page whose figures did not move): no compressing again.
	const [br, gz] =
		previous?.etag === etag
			? [previous.br, previous.gzip]
			: await Promise.all([
					brotli(identity, {
						params: {
							[constants.BROTLI_PARAM_QUALITY]: 11,
							[constants.BROTLI_PARAM_SIZE_HINT]: identity.byteLength
						}
					}),
					gzipped(identity, { level: 9 })
				]);
	return {
		kept: { key, etag, headers, identity, br: new Uint8Array(br), gzip: new Uint8Array(gz) },
		response
	};
}

/** The kept page as this request asks for it: 304, or the bytes in its encoding. */
function answer(event: RequestEvent, page: Kept): Response {
	const headers = new Headers(page.headers);
	headers.set('etag', page.etag);
	headers.set('vary', 'Accept-Encoding');
	// Kept copies (the browser's, the service worker's) ask again each time: a 304 is a few bytes.
	headers.set('cache-control', 'no-cache');
	if (matches(event.request.headers.get('if-none-match'), page.etag)) {
		return new Response(null, { status: 304, headers });
	}
	const encoding = encodingFor(event.request.headers.get('accept-encoding'));
	const body = encoding ? page[encoding] : page.identity;
	if (encoding) headers.set('content-encoding', encoding);
	headers.set('content-length', String(body.byteLength));
	return new Response(body as Uint8Array<ArrayBuffer>, { status: 200, headers });
}

export const pageCache = {
	/** Says this instance has just changed data (a form or API request that may have written). */
	written(): void {
		data = undefined;
	},

	/**
	 * Answers a published page from what is kept, rendering it first when the content changed;
	 * any other request goes to `resolve` unchanged.
	 */
	async respond(
		event: RequestEvent,
		resolve: Resolve,
		options: ResolveOptions,
		cache: CacheOptions
	): Promise<Response> {
		const mode = modeOf(event);
		if (!mode) return resolve(event, options);
		const path = event.url.pathname;
		const data = mode === 'data' ? `:${await dataVersion(cache)}` : '';
		const key = keyOf(mode, data);
		const current = kept.get(path);
		if (current?.key === key) return answer(event, current);

		const shared = pending.get(path);
		if (shared) {
			const page = await shared;
			if (page?.key === key) return answer(event, page);
		}
		let done: (page: Kept | undefined) => void = () => {};
		const rendering = new Promise<Kept | undefined>((resolve) => (done = resolve));
		pending.set(path, rendering);
		try {
			const { kept: page, response } = await render(event, resolve, options, key);
			// Kept only if the content did not change while rendering (and the minute did not pass);
			// data written meanwhile moves the write position, so the next request renders again.
			if (page && keyOf(mode, data) === key) kept.set(path, page);
			done(page);
			return page ? answer(event, page) : response;
		} catch (error) {
			done(undefined);
			throw error;
		} finally {
			if (pending.get(path) === rendering) pending.delete(path);
		}
	}
};
