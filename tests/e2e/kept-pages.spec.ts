import { request as httpRequest } from 'node:http';
import { brotliDecompressSync } from 'node:zlib';
import type { APIRequestContext } from '@playwright/test';
import { expect, setClock, test } from './fixtures';
import { anotherBrowser, REVIEWER, signInWith, TRANSLATOR } from './studio-support';

// The published pages are rendered once per language and content version and kept compressed;
// a kept copy asks again with its ETag and gets 304. Every text written here says it is a test.

async function fetchPage(request: APIRequestContext, path: string, headers = {}) {
	const response = await request.get(path, { headers });
	return {
		status: response.status(),
		etag: response.headers()['etag'],
		body: await response.body()
	};
}

/** The bytes as sent, not decoded (Node's http client decodes nothing). */
function fetchRaw(url: URL, headers: Record<string, string>) {
	return new Promise<{ status?: number; encoding?: string; etag?: string; body: Buffer }>(
		(resolve, reject) => {
			httpRequest(url, { headers }, (response) => {
				const chunks: Buffer[] = [];
				response.on('data', (chunk: Buffer) => chunks.push(chunk));
				response.on('end', () =>
					resolve({
						status: response.statusCode,
						encoding: response.headers['content-encoding'],
						etag: response.headers['etag'],
						body: Buffer.concat(chunks)
					})
				);
			})
				.on('error', reject)
				.end();
		}
	);
}

test('a published page answers its kept copy with 304, and in Brotli the same bytes', async ({
	request,
	baseURL
}) => {
	const path = '/es/carta-de-trato-digno';
	const plain = await fetchRaw(new URL(path, baseURL), { 'accept-encoding': 'identity' });
	expect(plain.status).toBe(200);
	expect(plain.encoding).toBeUndefined();
	expect(plain.etag).toMatch(/^W\/".+"$/);
	expect(plain.body.toString()).toContain('<h1');

	const br = await fetchRaw(new URL(path, baseURL), { 'accept-encoding': 'br' });
	expect(br.status).toBe(200);
	expect(br.encoding).toBe('br');
	expect(br.etag).toBe(plain.etag);
	expect(brotliDecompressSync(br.body).equals(plain.body)).toBe(true);

	const again = await fetchPage(request, path, { 'if-none-match': plain.etag! });
	expect(again.status).toBe(304);
	expect(again.etag).toBe(plain.etag);
	expect(again.body.byteLength).toBe(0);
});

test('a reviewed translation reaches the kept Wayuunaiki page at once, and only it', async ({
	page,
	browser,
	baseURL
}) => {
	test.slow();
	const citizen = (await anotherBrowser(browser, baseURL)).request;
	const before = await fetchPage(citizen, '/guc/privacidad');
	const spanish = await fetchPage(citizen, '/es/privacidad');
	expect([before.status, spanish.status]).toEqual([200, 200]);
	expect(before.body.toString()).not.toContain('Texto de prueba: menú');

	await signInWith(page, TRANSLATOR, ['translator']);
	const written = await page.request.put('/api/v1/staff/translations/common:nav.charter', {
		data: { lang: 'guc', text: 'Texto de prueba: menú' }
	});
	expect(written.status(), await written.text()).toBe(200);
	// A draft is not published: the kept page stays as it was.
	expect((await fetchPage(citizen, '/guc/privacidad')).etag).toBe(before.etag);

	const reviewer = await anotherBrowser(browser, baseURL);
	await signInWith(reviewer, REVIEWER, ['reviewer']);
	const approved = await reviewer.request.post(
		'/api/v1/staff/translations/common:nav.charter/review',
		{ data: { lang: 'guc', decision: 'approve' } }
	);
	expect(approved.status(), await approved.text()).toBe(200);

	const after = await fetchPage(citizen, '/guc/privacidad', { 'if-none-match': before.etag! });
	expect(after.status).toBe(200);
	expect(after.etag).not.toBe(before.etag);
	expect(after.body.toString()).toContain('Texto de prueba: menú');
	// The Spanish page is rendered again too: only the word of what is published changed, which
	// the service worker follows.
	const spanishAfter = await fetchPage(citizen, '/es/privacidad');
	const withoutWord = (body: Buffer) =>
		body.toString().replace(/<meta name="ventanilla-content" content="[^"]*"/, '');
	expect(spanishAfter.etag).not.toBe(spanish.etag);
	expect(withoutWord(spanishAfter.body)).toBe(withoutWord(spanish.body));
});

test('the contact page says "open now" for the minute it is asked in', async ({ request }) => {
	await setClock(request, '2026-11-24T07:59:30-05:00');
	const closed = await fetchPage(request, '/es/contacto');
	expect(closed.body.toString()).toContain('(7:59 a. m.)');
	await setClock(request, '2026-11-24T08:00:00-05:00');
	const open = await fetchPage(request, '/es/contacto', { 'if-none-match': closed.etag! });
	expect(open.status).toBe(200);
	expect(open.body.toString()).toContain('(8:00 a. m.)');
	await setClock(request, null);
});
