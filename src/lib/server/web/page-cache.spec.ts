import type { RequestEvent, ResolveOptions } from '@sveltejs/kit';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { clock } from '../clock';
import { live } from '../live';
import { encodingFor, matches, pageCache } from './page-cache';
import { requestEvent } from './request-event';

const CHARTER = '/[lang=locale]/carta-de-trato-digno';

/** A stand-in for SvelteKit's rendering that counts its renders and says which one it was. */
function renderer(html = (n: number) => `<!doctype html><p>${'página '.repeat(200)}${n}</p>`) {
	let renders = 0;
	const resolve = vi.fn(async (_event: RequestEvent) => {
		renders += 1;
		return new Response(html(renders), {
			headers: { 'content-type': 'text/html', 'x-sveltekit-page': 'true' }
		});
	});
	return {
		resolve,
		get renders() {
			return renders;
		}
	};
}

/** The database's write position as the page cache asks for it; tests move it by hand. */
let writePosition = '0/1';
type Respond = typeof pageCache.respond;
const respond = (event: RequestEvent, resolve: Parameters<Respond>[1], options: ResolveOptions) =>
	pageCache.respond(event, resolve, options, { dataVersion: async () => writePosition });

function get(path: string, routeId: string, headers: Record<string, string> = {}) {
	return requestEvent(path, { headers, routeId, params: { lang: 'es' } });
}

afterEach(() => {
	vi.restoreAllMocks();
	clock.set(undefined);
});

describe('a published page', () => {
	it('is rendered once, and its kept bytes in every encoding are the fresh rendering', async () => {
		const page = renderer(() => '<!doctype html><p>' + 'carta '.repeat(300) + '</p>');
		const fresh = await (await page.resolve(get('/x', CHARTER))).text();
		const path = '/es/carta-de-trato-digno';
		const first = await respond(get(path, CHARTER), page.resolve, {});
		const br = await respond(
			get(path, CHARTER, { 'accept-encoding': 'gzip, br' }),
			page.resolve,
			{}
		);
		const gz = await respond(get(path, CHARTER, { 'accept-encoding': 'gzip' }), page.resolve, {});
		expect(page.renders).toBe(2);
		expect([first.status, br.status, gz.status]).toEqual([200, 200, 200]);
		expect(await first.text()).toBe(fresh);
		expect(br.headers.get('content-encoding')).toBe('br');
		expect(brotliDecompressSync(Buffer.from(await br.arrayBuffer())).toString()).toBe(fresh);
		expect(gz.headers.get('content-encoding')).toBe('gzip');
		expect(gunzipSync(Buffer.from(await gz.arrayBuffer())).toString()).toBe(fresh);
		expect(first.headers.get('x-sveltekit-page')).toBe('true');
		expect(first.headers.get('vary')).toBe('Accept-Encoding');
		expect(first.headers.get('etag')).toMatch(/^W\/".+"$/);
		expect(br.headers.get('etag')).toBe(first.headers.get('etag'));
	});

	it('answers 304 with no body to a matching If-None-Match, and 200 to another', async () => {
		const page = renderer();
		const path = '/es/glosario';
		const route = '/[lang=locale]/glosario';
		const etag = (await respond(get(path, route), page.resolve, {})).headers.get('etag')!;
		const same = await respond(
			get(path, route, { 'if-none-match': `"other", ${etag}` }),
			page.resolve,
			{}
		);
		expect(same.status).toBe(304);
		expect(same.headers.get('etag')).toBe(etag);
		expect(await same.text()).toBe('');
		const other = await respond(
			get(path, route, { 'if-none-match': 'W/"other"' }),
			page.resolve,
			{}
		);
		expect(other.status).toBe(200);
		expect(page.renders).toBe(1);
	});

	it('is rendered again once a reviewed translation or recording changes the content', async () => {
		const page = renderer();
		const path = '/guc/privacidad';
		const route = '/[lang=locale]/privacidad';
		const version = vi.spyOn(live, 'version').mockReturnValue(41);
		const before = await (await respond(get(path, route), page.resolve, {})).text();
		version.mockReturnValue(42);
		const after = await respond(get(path, route), page.resolve, {});
		expect(page.renders).toBe(2);
		expect(await after.text()).not.toBe(before);
		expect(await (await respond(get(path, route), page.resolve, {})).text()).toContain('2</p>');
		expect(page.renders).toBe(2);
	});

	it('of many people at once is rendered once', async () => {
		const page = renderer();
		const route = '/[lang=locale]/accesibilidad';
		const answers = await Promise.all(
			Array.from({ length: 20 }, () => respond(get('/es/accesibilidad', route), page.resolve, {}))
		);
		expect(answers.map((a) => a.status)).toEqual(answers.map(() => 200));
		expect(page.renders).toBe(1);
	});
});

describe('the contact page', () => {
	it('is kept for the minute it speaks of only', async () => {
		const page = renderer();
		const route = '/[lang=locale]/contacto';
		clock.set(new Date('2026-11-24T10:00:05-05:00'));
		await respond(get('/es/contacto', route), page.resolve, {});
		clock.set(new Date('2026-11-24T10:00:59-05:00'));
		await respond(get('/es/contacto', route), page.resolve, {});
		expect(page.renders).toBe(1);
		clock.set(new Date('2026-11-24T10:01:00-05:00'));
		await respond(get('/es/contacto', route), page.resolve, {});
		expect(page.renders).toBe(2);
	});

	it('a page of the database is rendered again when anything is written or the minute passes', async () => {
		const page = renderer((n) => `<!doctype html><p>cifras ${n}</p>`);
		const route = '/[lang=locale]/indicadores';
		clock.set(new Date('2026-11-24T10:00:05-05:00'));
		const first = await respond(get('/es/indicadores', route), page.resolve, {});
		const etag = first.headers.get('etag')!;
		const again = await respond(
			get('/es/indicadores', route, { 'if-none-match': etag }),
			page.resolve,
			{}
		);
		expect(again.status).toBe(304);
		expect(page.renders).toBe(1);

		// A form posted to this instance: the next request asks the database again.
		writePosition = '0/2';
		pageCache.written();
		const written = await respond(get('/es/indicadores', route), page.resolve, {});
		expect(await written.text()).toContain('cifras 2');
		// Another instance (or the worker) writes: seen once the position is a second old.
		writePosition = '0/3';
		await respond(get('/es/indicadores', route), page.resolve, {});
		expect(page.renders).toBe(2);
		const later = Date.now() + 1000;
		vi.spyOn(Date, 'now').mockReturnValue(later);
		const elsewhere = await respond(get('/es/indicadores', route), page.resolve, {});
		expect(await elsewhere.text()).toContain('cifras 3');
		clock.set(new Date('2026-11-24T10:01:00-05:00'));
		await respond(get('/es/indicadores', route), page.resolve, {});
		expect(page.renders).toBe(4);
	});

	it('a page of the database fails as the database does once its write position is asked again', async () => {
		const page = renderer();
		const route = '/[lang=locale]/indicadores';
		await respond(get('/es/indicadores', route), page.resolve, {});
		pageCache.written();
		const down = Object.assign(new Error('connection refused'), { code: 'ECONNREFUSED' });
		await expect(
			pageCache.respond(
				get('/es/indicadores', route),
				page.resolve,
				{},
				{
					dataVersion: () => Promise.reject(down)
				}
			)
		).rejects.toBe(down);
	});
});

describe('what is never kept', () => {
	it('a search, an answer with a cookie, an error, or a page not listed', async () => {
		const page = renderer();
		for (let i = 0; i < 2; i++) {
			await respond(get('/es/servicios?q=gas', '/[lang=locale]/servicios'), page.resolve, {});
			await respond(get('/es/citas', '/[lang=locale]/citas'), page.resolve, {});
		}
		expect(page.renders).toBe(4);

		const withCookie = vi.fn(
			async () =>
				new Response('<p>hola</p>', {
					headers: { 'content-type': 'text/html', 'set-cookie': 'a=b' }
				})
		);
		const route = '/[lang=locale]/servicios/[slug]';
		for (let i = 0; i < 2; i++) {
			const answer = await respond(get('/es/servicios/a', route), withCookie, {});
			expect(answer.headers.get('set-cookie')).toBe('a=b');
		}
		expect(withCookie).toHaveBeenCalledTimes(2);

		const missing = vi.fn(async () => new Response('no', { status: 404 }));
		for (let i = 0; i < 2; i++)
			expect((await respond(get('/es/servicios/b', route), missing, {})).status).toBe(404);
		expect(missing).toHaveBeenCalledTimes(2);
	});
});

describe('the encoding', () => {
	it('is Brotli, else gzip, else none, as the client accepts', () => {
		expect(encodingFor('gzip, deflate, br')).toBe('br');
		expect(encodingFor('br;q=0, gzip')).toBe('gzip');
		expect(encodingFor('deflate')).toBeUndefined();
		expect(encodingFor(null)).toBeUndefined();
		expect(encodingFor('*')).toBe('br');
		expect(encodingFor('*, br;q=0')).toBe('gzip');
	});

	it('If-None-Match compares ETags weakly', () => {
		expect(matches('W/"abc"', '"abc"')).toBe(true);
		expect(matches('"x", "abc"', 'W/"abc"')).toBe(true);
		expect(matches('*', 'W/"abc"')).toBe(true);
		expect(matches('"abcd"', 'W/"abc"')).toBe(false);
		expect(matches(null, 'W/"abc"')).toBe(false);
	});
});
