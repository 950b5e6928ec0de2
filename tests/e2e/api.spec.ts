import { expect, test } from './fixtures';

test('the health check reports the database up', async ({ request }) => {
	const response = await request.get('/api/v1/health');
	expect(response.status()).toBe(200);
	expect(await response.json()).toEqual({ status: 'ok', database: 'up' });
});

test('an unknown API path answers problem+json in the asked language', async ({ request }) => {
	const response = await request.get('/api/v1/does-not-exist?lang=es');
	expect(response.status()).toBe(404);
	expect(response.headers()['content-type']).toContain('application/problem+json');
	expect(await response.json()).toMatchObject({
		status: 404,
		code: 'NOT_FOUND',
		title: 'No encontrado'
	});
});

test('a wrong method answers problem+json', async ({ request }) => {
	const response = await request.delete('/api/v1/health');
	expect(response.status()).toBe(405);
	expect((await response.json()).code).toBe('METHOD_NOT_ALLOWED');
});

test('every route in the OpenAPI document answers as documented', async ({ request }) => {
	const spec = await (await request.get('/api/v1/openapi.json')).json();
	expect(spec.openapi).toBe('3.1.0');
	const operations = Object.entries(
		spec.paths as Record<string, Record<string, { responses: object; 'x-example'?: unknown }>>
	);
	expect(operations.length).toBeGreaterThan(0);
	for (const [path, methods] of operations) {
		for (const [method, operation] of Object.entries(methods)) {
			const example =
				(
					operation as {
						'x-example'?: {
							params?: Record<string, string>;
							query?: Record<string, string>;
							body?: unknown;
						};
					}
				)['x-example'] ?? {};
			const url = path.replace(
				/\{(\w+)\}/g,
				(_, name: string) => example.params?.[name] ?? 'example'
			);
			const query = new URLSearchParams(example.query ?? {}).toString();
			const response = await request.fetch(`${url}${query ? `?${query}` : ''}`, {
				method: method.toUpperCase(),
				data: example.body,
				headers: { 'idempotency-key': crypto.randomUUID() }
			});
			const documented = Object.keys(operation.responses).map(Number);
			expect(documented, `${method.toUpperCase()} ${path} answered ${response.status()}`).toContain(
				response.status()
			);
		}
	}
});

test('the API sends the security headers', async ({ request }) => {
	const response = await request.get('/api/v1/health');
	expect(response.headers()['x-content-type-options']).toBe('nosniff');
	expect(response.headers()['referrer-policy']).toBe('strict-origin-when-cross-origin');
});

test('pages send a Content-Security-Policy without unsafe-inline scripts', async ({ request }) => {
	const response = await request.get('/es');
	const csp = response.headers()['content-security-policy'];
	expect(csp).toContain("frame-ancestors 'none'");
	expect(csp).toMatch(/script-src 'self'( 'nonce-[^']+')?/);
	expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
});
