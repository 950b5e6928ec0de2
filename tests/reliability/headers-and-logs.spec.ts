// Security headers, cookies and the origin check on the built server, then the citizen journeys
// run through the API and the forms while the server's logs are searched for personal data.
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setClock, startServer, type AppServer } from '../support/servers';
import { NOW, SLOTS, booking, filing, person, postJson } from './journeys';
import { report } from './report';

let server: AppServer;

beforeAll(async () => {
	server = await startServer({ port: 4760 });
	await setClock(server, NOW);
});

afterAll(async () => {
	await server?.stop();
});

const PAGES = ['/es', '/es/pqrsd', '/es/radicado', '/es/citas', '/guc/te-llamamos'];

describe('security headers', () => {
	it('send a strict Content-Security-Policy with nonces or hashes on every page', async () => {
		for (const path of PAGES) {
			const response = await fetch(`${server.url}${path}`);
			const html = await response.text();
			const csp =
				response.headers.get('content-security-policy') ??
				/<meta http-equiv="content-security-policy" content="([^"]+)"/i.exec(html)?.[1] ??
				'';
			const script = /script-src ([^;]+)/.exec(csp)?.[1] ?? '';
			// A page without inline scripts (content pages ship none) needs no nonce: 'self' is stricter.
			if (/<script(?![^>]*\ssrc=)[^>]*>/i.test(html))
				expect(script, path).toMatch(/'(nonce-|sha256-)/);
			expect(script, path).toMatch(/'self'|'nonce-|'sha256-/);
			expect(script, path).not.toContain('unsafe-inline');
			expect(script, path).not.toContain('unsafe-eval');
			expect(csp, path).toContain("object-src 'none'");
			expect(response.headers.get('content-security-policy') ?? '', path).toContain(
				"frame-ancestors 'none'"
			);
		}
	});

	it('forbid sniffing, framing, leaking referrers and powerful features', async () => {
		for (const path of [...PAGES, '/api/v1/health', '/api/v1/nothing-here']) {
			const headers = (await fetch(`${server.url}${path}`)).headers;
			expect(headers.get('x-content-type-options'), path).toBe('nosniff');
			expect(headers.get('x-frame-options'), path).toBe('DENY');
			expect(headers.get('referrer-policy'), path).toMatch(
				/^(no-referrer|same-origin|strict-origin|strict-origin-when-cross-origin)$/
			);
			expect(headers.get('permissions-policy'), path).toMatch(/camera=\(\).*microphone=\(\)/);
			expect(headers.get('x-request-id'), path).toBeTruthy();
		}
	});

	it('forbid sniffing on static files too', async () => {
		const html = await (await fetch(`${server.url}/es`)).text();
		const asset = /\/_app\/immutable\/[^"']+\.(?:js|css)/.exec(html)?.[0];
		expect(asset).toBeTruthy();
		for (const path of ['/logo.svg', '/favicon.svg', '/robots.txt', asset!]) {
			const response = await fetch(`${server.url}${path}`);
			await response.arrayBuffer();
			expect(response.status, path).toBe(200);
			expect(response.headers.get('x-content-type-options'), path).toBe('nosniff');
		}
	});

	it('keep the page that shows the one-time security code out of every cache', async () => {
		const response = await fetch(`${server.url}/es/pqrsd`, {
			method: 'POST',
			headers: { origin: server.url, accept: 'text/html' },
			body: new URLSearchParams({ ...filing('32', 0), consent: 'yes' } as Record<string, string>)
		});
		const html = await response.text();
		expect(response.status).toBe(200);
		expect(html).toContain('data-testid="security-code"');
		expect(response.headers.get('cache-control')).toMatch(/no-store/);
	});

	it('send HSTS only when served over HTTPS', async () => {
		const plain = await fetch(`${server.url}/es`);
		expect(plain.headers.get('strict-transport-security')).toBeNull();
		const proxied = await fetch(`${server.url}/es`, { headers: { 'x-forwarded-proto': 'https' } });
		expect(proxied.headers.get('strict-transport-security')).toMatch(/max-age=\d{8,}/);
	});

	it('set cookies HttpOnly, SameSite and Secure', async () => {
		const response = await fetch(`${server.url}/es/citas`, {
			method: 'POST',
			headers: { origin: server.url },
			body: new URLSearchParams({ topic: 'informacion-general' }),
			redirect: 'manual'
		});
		const cookies = response.headers.getSetCookie();
		expect(cookies.length).toBeGreaterThan(0);
		for (const cookie of cookies) {
			expect(cookie).toMatch(/;\s*HttpOnly/i);
			expect(cookie).toMatch(/;\s*SameSite=(Lax|Strict)/i);
			// SvelteKit drops Secure only for http://localhost; this server is 127.0.0.1.
			expect(cookie).toMatch(/;\s*Secure/i);
		}
	});

	it('set the staff session cookie HttpOnly, Secure, SameSite=Strict and host-only', async () => {
		const account = { email: 'cookie@example.org', role: 'agent', password: 'una clave larga 123' };
		const json = { origin: server.url, 'content-type': 'application/json' };
		const created = await fetch(`${server.url}/__test__/staff`, {
			method: 'POST',
			headers: json,
			body: JSON.stringify(account)
		});
		expect(created.status).toBe(204);
		const response = await fetch(`${server.url}/api/v1/staff/session`, {
			method: 'POST',
			headers: json,
			body: JSON.stringify({ email: account.email, password: account.password })
		});
		expect(response.status).toBe(200);
		const [cookie] = response.headers.getSetCookie();
		expect(cookie).toMatch(/^__Host-/);
		expect(cookie).toMatch(/;\s*HttpOnly/i);
		expect(cookie).toMatch(/;\s*Secure/i);
		expect(cookie).toMatch(/;\s*SameSite=Strict/i);
		expect(cookie).toMatch(/;\s*Path=\//i);
		expect(cookie).not.toMatch(/;\s*Domain=/i);
		// Twelve hours from when the browser gets it, by the browser's clock, not the app's.
		expect(cookie).toMatch(/;\s*Max-Age=43200/i);
		expect(cookie).not.toMatch(/;\s*Expires=/i);
	});

	it('refuses every form posted from another site', async () => {
		for (const path of [
			'/es/te-llamamos',
			'/es/pqrsd',
			'/es/radicado',
			'/es/citas',
			'/es/citas/revisar',
			'/es/citas/gestionar',
			'/es/encuesta'
		]) {
			for (const origin of ['https://evil.example', 'null', '']) {
				const response = await fetch(`${server.url}${path}`, {
					method: 'POST',
					headers: origin ? { origin } : {},
					body: new URLSearchParams({ consent: 'yes' }),
					redirect: 'manual'
				});
				expect(response.status, `${path} from ${origin || 'no origin'}`).toBe(403);
			}
		}
	});
});

describe('logs', () => {
	it('log a request its client gave up on as 499, not as a server error', async () => {
		const start = server.logs.length;
		const boundary = 'ventanilla-abort';
		const { port } = new URL(server.url);
		await new Promise<void>((resolve) => {
			const socket = connect(Number(port), '127.0.0.1', () => {
				socket.write(
					[
						'POST /es/pqrsd HTTP/1.1',
						`Host: 127.0.0.1:${port}`,
						`Origin: ${server.url}`,
						'Accept: text/html',
						`Content-Type: multipart/form-data; boundary=${boundary}`,
						'Content-Length: 1000000',
						'',
						`--${boundary}\r\nContent-Disposition: form-data; name="subject"\r\n\r\nA medias`
					].join('\r\n')
				);
				// The citizen's signal drops half-way through the upload.
				setTimeout(() => {
					socket.destroy();
					resolve();
				}, 300);
			});
		});
		const deadline = Date.now() + 10_000;
		const request = () =>
			server.logs
				.slice(start)
				.filter((line) => line.startsWith('{'))
				.map((line) => JSON.parse(line) as Record<string, unknown>)
				.find((entry) => entry.msg === 'request' && entry.route === '/[lang=locale]/pqrsd');
		while (!request() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
		expect(request()).toMatchObject({ method: 'POST', status: 499 });
		const errors = server.logs.slice(start).filter((line) => line.includes('"level":"error"'));
		expect(errors).toEqual([]);
	});

	it('keep no personal data, security code or token while every journey runs', async () => {
		const secrets: string[] = [];
		const start = server.logs.length;
		// Every request must do what it is for: a refused one would leave its data out of the logs.
		const expectStatus = async (expected: number, path: string, init: RequestInit = {}) => {
			const response = await fetch(`${server.url}${path}`, { redirect: 'manual', ...init });
			await response.arrayBuffer();
			expect(response.status, `${init.method ?? 'GET'} ${path}`).toBe(expected);
		};
		// As a browser without JavaScript posts it (SvelteKit answers other clients in JSON).
		const form = (body: Record<string, string>): RequestInit => ({
			method: 'POST',
			headers: { origin: server.url, accept: 'text/html' },
			body: new URLSearchParams(body)
		});
		for (let i = 0; i < 4; i++) {
			const p = person('31', i);
			secrets.push(p.name, p.documentNumber, p.email, p.phone);
			const booked = await postJson(server, '/api/v1/appointments', booking('31', i, SLOTS[i]!));
			expect(booked.status).toBe(201);
			const { reference, manageToken } = booked.body as { reference: string; manageToken: string };
			secrets.push(manageToken);
			const auth = { authorization: `Bearer ${manageToken}` };
			await expectStatus(200, `/api/v1/appointments/${reference}`, { headers: auth });
			await expectStatus(
				200,
				`/api/v1/appointments/${reference}/calendar.ics?token=${manageToken}`
			);
			await expectStatus(
				303,
				'/es/citas/gestionar',
				form({ reference, documentNumber: p.documentNumber })
			);
			await expectStatus(200, `/api/v1/appointments/${reference}`, {
				method: 'DELETE',
				headers: auth
			});

			const filed = await postJson(server, '/api/v1/radicados', filing('31', i));
			expect(filed.status).toBe(201);
			const { number, securityCode } = filed.body as { number: string; securityCode: string };
			secrets.push(securityCode);
			expect(
				(await postJson(server, '/api/v1/radicados/lookup', { number, securityCode })).status
			).toBe(200);
			expect(
				(
					await postJson(server, '/api/v1/radicados/lookup', {
						number,
						securityCode: 'ZZZZ9999'
					})
				).status
			).toBe(404);
			await expectStatus(200, '/es/radicado', form({ number, securityCode }));

			const called = await postJson(server, '/api/v1/callbacks', {
				name: p.name,
				phone: p.phone,
				language: 'es',
				topic: 'subsidio-glp',
				day: '2030-02-05',
				window: '08:00-10:00',
				consent: true
			});
			expect(called.status).toBe(201);
			const other = person('31', 100 + i);
			secrets.push(other.name, other.email, other.phone);
			const petition = { ...filing('31', 100 + i), consent: 'yes' };
			await expectStatus(200, '/es/pqrsd', form(petition as unknown as Record<string, string>));
		}
		// Let the worker send (and log) the outbox.
		await new Promise((r) => setTimeout(r, 1000));
		const lines = server.logs.slice(start).filter((l) => l.trim());
		const leaks = secrets.filter((secret) => lines.some((line) => line.includes(secret)));
		expect(leaks).toEqual([]);
		const requests = lines
			.filter((l) => l.startsWith('{'))
			.map((l) => JSON.parse(l) as Record<string, unknown>)
			.filter((entry) => entry.msg === 'request');
		expect(requests.length).toBeGreaterThan(40);
		for (const entry of requests) {
			expect(entry).toMatchObject({
				requestId: expect.any(String),
				status: expect.any(Number),
				ms: expect.any(Number)
			});
		}
		expect(lines.filter((l) => !l.startsWith('{'))).toEqual([]);
		report('logs', {
			lines: lines.length,
			requestLines: requests.length,
			secretsSearched: secrets.length,
			leaks: leaks.length
		});
	});
});
