// Property-based fuzzing of every POST/PATCH operation in the OpenAPI document and of every form
// action: malformed JSON, wrong types, missing and extra fields, huge strings, control characters
// and Unicode traps. Nothing may answer 5xx; the API answers problem+json, the pages the form
// with an error summary; and a rejected request leaves the database as it was.
import fc from 'fast-check';
import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	POSTGRES_URL,
	blankPostgres,
	setClock,
	startServer,
	tableDigests,
	type AppServer
} from '../support/servers';
import { NOW } from './journeys';
import { report } from './report';

const RUNS = Number(process.env.FUZZ_RUNS ?? 40);

/** Strings that break naive code: controls, bidi, lone surrogates, NUL, SQL and HTML. */
const TRAPS = [
	'',
	' ',
	'\u0000',
	'\u0000\u0001\u001f\u007f',
	'\r\n\t\u000b\u000c',
	'\u2028\u2029',
	'\u202e\u2066abc\u2069',
	'\ufeff',
	'\ud800',
	'\udfff\ud800',
	'e\u0301\u0301\u0301',
	'\u200b\u200d\u2060',
	'👩🏽‍🚒🇨🇴',
	'Wayuunaiki: a\u2019a a\u02bca a\ua78ca',
	"'; drop table radicados; --",
	'<script>alert(1)</script>',
	'{{7*7}}${7*7}',
	'../../../../etc/passwd',
	'%00%0d%0a',
	'1-2026-000001',
	'NaN',
	'-1',
	'1e309',
	'__proto__',
	'x'.repeat(70_000)
];

const trap = fc.constantFrom(...TRAPS);
const text = fc.oneof(trap, fc.string({ unit: 'binary', maxLength: 300 }), fc.string());
const wrongValue = fc.oneof(
	text,
	fc.integer(),
	fc.double(),
	fc.boolean(),
	fc.constant(null),
	fc.array(text, { maxLength: 4 }),
	fc.dictionary(text, text, { maxKeys: 3 }),
	fc.constant('x'.repeat(20_000))
);

interface Operation {
	method: 'POST' | 'PATCH';
	path: string;
	example: Record<string, unknown>;
}

/** A body derived from the valid example: some fields dropped, some retyped, extra ones added. */
function mutated(example: Record<string, unknown>) {
	const keys = Object.keys(example);
	return fc
		.record({
			drop: fc.subarray(keys),
			retype: fc.dictionary(fc.constantFrom(...(keys.length ? keys : ['x'])), wrongValue, {
				maxKeys: 4
			}),
			extra: fc.dictionary(fc.oneof(trap, fc.string()), wrongValue, { maxKeys: 3 })
		})
		.map(({ drop, retype, extra }) => {
			const body: Record<string, unknown> = { ...example };
			for (const key of drop) delete body[key];
			return JSON.stringify({ ...extra, ...body, ...retype });
		});
}

/** The valid example with one text field replaced by a trap: may be accepted, never a 5xx. */
function trapped(example: Record<string, unknown>) {
	const texts = Object.keys(example).filter((k) => typeof example[k] === 'string');
	return fc
		.record({
			key: fc.constantFrom(...(texts.length ? texts : ['x'])),
			value: fc.oneof(trap, fc.string({ unit: 'binary', maxLength: 200 }))
		})
		.map(({ key, value }) => JSON.stringify({ ...example, [key]: `${value}${value}` }));
}

function bodies(example: Record<string, unknown>) {
	return fc.oneof(
		mutated(example),
		trapped(example),
		fc.jsonValue().map((v) => JSON.stringify(v)),
		fc.string({ unit: 'binary', maxLength: 400 }),
		fc.constantFrom('', '{', '{"a":', 'null', '[]', '"x"', '{"__proto__":{"x":1}}', '\u0000'),
		trap.map((t) => `{"subject":"${t}`)
	);
}

let server: AppServer;
let cases = 0;
let resets = 0;

/**
 * fetch, tried again (up to three times) when the connection was reset: the server closes a
 * keep-alive connection whose body it refused unread, and the client pool may pick that socket
 * next. A reset socket never delivered the request, so trying again cannot file anything twice.
 */
async function send(url: string, init?: RequestInit): Promise<Response> {
	for (let attempt = 1; ; attempt++) {
		try {
			return await fetch(url, init);
		} catch (error) {
			if (attempt === 3 || !String((error as Error).cause).includes('ECONNRESET')) throw error;
			resets++;
		}
	}
}
const started = Date.now();

/**
 * What every table holds, on PGlite or PostgreSQL alike. A refused try counts against its limit
 * by design, and a refused sign-in leaves its audit row: those are the only changes allowed.
 */
async function contents(path = ''): Promise<Record<string, string>> {
	const all = await tableDigests(server);
	delete all.rate_limits;
	if (path === '/api/v1/staff/session') delete all.audit_log;
	return all;
}

beforeAll(async () => {
	if (POSTGRES_URL) await blankPostgres(POSTGRES_URL);
	// No background work (reminders, retries) may change a table while a request is judged.
	server = await startServer({
		port: 4750,
		databaseUrl: POSTGRES_URL,
		env: { WORKER_INTERVAL_MS: '3600000' }
	});
	await setClock(server, NOW);
});

afterAll(async () => {
	await server?.stop();
	writeFileSync('test-results/reliability-fuzz-server.log', server?.logs.join('\n') ?? '');
	report('fuzz', {
		cases,
		runsPerTarget: RUNS,
		connectionResetsRetried: resets,
		seconds: (Date.now() - started) / 1000
	});
});

describe('the API under malformed input', async () => {
	const operations: Operation[] = [];
	it('lists the POST and PATCH operations of the OpenAPI document', async () => {
		const document = (await (await send(`${server.url}/api/v1/openapi.json`)).json()) as {
			paths: Record<string, Record<string, { 'x-example'?: unknown; requestBody?: unknown }>>;
		};
		for (const [path, methods] of Object.entries(document.paths)) {
			for (const [method, operation] of Object.entries(methods)) {
				if (method !== 'post' && method !== 'patch') continue;
				const example = exampleOf(operation);
				operations.push({
					method: method.toUpperCase() as Operation['method'],
					path: pathOf(path, operation),
					example
				});
			}
		}
		expect(operations.length).toBeGreaterThanOrEqual(5);
	});

	it('never answers 5xx, always answers problem+json, and changes nothing when it refuses', async () => {
		for (const operation of operations) {
			await fc.assert(
				fc.asyncProperty(
					bodies(operation.example),
					fc.constantFrom('application/json', 'application/json; charset=utf-8', 'text/plain'),
					async (body, type) => {
						cases++;
						const before = await contents(operation.path);
						const response = await send(`${server.url}${operation.path}`, {
							method: operation.method,
							headers: { 'content-type': type, authorization: 'Bearer not-a-token' },
							body
						});
						const answer = await response.text();
						expect(response.status, `${operation.method} ${operation.path}`).toBeLessThan(500);
						if (response.status >= 400) {
							expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
							const problem = JSON.parse(answer) as Record<string, unknown>;
							expect(problem).toMatchObject({ status: response.status });
							expect(typeof problem.code).toBe('string');
							expect(await contents(operation.path)).toEqual(before);
						}
					}
				),
				{ numRuns: RUNS }
			);
		}
	});

	it('refuses a body over the JSON limit with 413 problem+json', async () => {
		cases++;
		const response = await send(`${server.url}/api/v1/radicados`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ description: 'x'.repeat(200_000) })
		});
		expect(response.status).toBe(413);
		expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
	});
});

interface Example {
	params?: Record<string, string>;
	body?: unknown;
}

function exampleOf(operation: unknown): Record<string, unknown> {
	const body = (operation as { 'x-example'?: Example })['x-example']?.body;
	return body && typeof body === 'object' ? (body as Record<string, unknown>) : {};
}

function pathOf(path: string, operation: unknown): string {
	const params = (operation as { 'x-example'?: Example })['x-example']?.params ?? {};
	return path.replace(/\{([^}]+)\}/g, (_, name: string) => params[name] ?? 'CITA-0000-00');
}

/** Every form action without JavaScript; `fields` are the names the form posts. */
const FORMS = [
	'/es/te-llamamos',
	'/es/encuesta',
	'/es/pqrsd',
	'/es/radicado',
	'/es/citas',
	'/es/citas/dia',
	'/es/citas/hora',
	'/es/citas/datos',
	'/es/citas/ajustes',
	'/es/citas/revisar',
	'/es/citas/gestionar',
	'/es/citas/cita/CITA-0000-00/cancelar',
	'/es/citas/cita/CITA-0000-00/cambiar',
	'/es/citas/confirmar/CITA-0000-00?clave=x'
];

async function fieldsOf(path: string): Promise<string[]> {
	const html = await (await send(`${server.url}${path}`)).text();
	const names = [...html.matchAll(/\bname="([^"]+)"/g)].map((m) => m[1]!);
	return [...new Set(names.filter((n) => !['viewport', 'description', 'theme-color'].includes(n)))];
}

describe('the forms under malformed input', () => {
	it('never answer 5xx, show the error summary when they refuse, and change nothing', async () => {
		const statuses: Record<number, number> = {};
		for (const path of FORMS) {
			const fields = await fieldsOf(path);
			const form = fc
				.record({
					values: fc.array(fc.tuple(fc.constantFrom(...fields, 'extra'), text), {
						maxLength: fields.length + 3
					}),
					multipart: fc.boolean()
				})
				.map(({ values, multipart }) => ({ values, multipart }));
			await fc.assert(
				fc.asyncProperty(form, async ({ values, multipart }) => {
					cases++;
					const before = await contents();
					let body: FormData | URLSearchParams;
					if (multipart) {
						body = new FormData();
						for (const [k, v] of values) body.append(k, v);
					} else body = new URLSearchParams(values);
					const response = await send(`${server.url}${path}`, {
						method: 'POST',
						headers: { origin: server.url, accept: 'text/html' },
						body,
						redirect: 'manual'
					});
					const html = await response.text();
					statuses[response.status] = (statuses[response.status] ?? 0) + 1;
					expect(response.status, path).toBeLessThan(500);
					if (response.status === 400 || response.status === 422) {
						// The survey's landing page has no form of its own: it says what went wrong.
						const shown = path.endsWith('/encuesta') ? /role="status"/ : /class="error-summary/;
						expect(html, path).toMatch(shown);
					}
					if (response.status >= 400) {
						expect(response.headers.get('content-type'), path).toMatch(/text\/html/);
						expect(await contents(), path).toEqual(before);
					}
				}),
				{ numRuns: Math.ceil(RUNS / 2) }
			);
		}
		report('fuzz-forms', { forms: FORMS.length, statuses });
	});

	it('refuses a form posted from another site', async () => {
		cases++;
		const response = await send(`${server.url}/es/pqrsd`, {
			method: 'POST',
			headers: { origin: 'https://evil.example', accept: 'text/html' },
			body: new URLSearchParams({ type: 'peticion' }),
			redirect: 'manual'
		});
		expect(response.status).toBe(403);
	});

	it('refuses a text/plain API call from another site with problem+json', async () => {
		cases++;
		const response = await send(`${server.url}/api/v1/radicados`, {
			method: 'POST',
			headers: { origin: 'https://evil.example', 'content-type': 'text/plain' },
			body: '{}'
		});
		expect(response.status).toBe(403);
		expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
	});
});

/**
 * Sends a body over the server limit and reads the answer. The server may also close the
 * connection once the limit is passed, before the client has sent it all: the client then sees a
 * reset or a broken pipe, and nothing else is accepted.
 */
async function overLimit(path: string, init: RequestInit): Promise<number | 'closed'> {
	try {
		const response = await fetch(`${server.url}${path}`, init);
		await response.arrayBuffer();
		return response.status;
	} catch (error) {
		const code = (error as { cause?: { code?: string } }).cause?.code;
		expect(['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET'], String(error)).toContain(code);
		return 'closed';
	}
}
const outcomes: Record<string, number> = {};

// Last: the server may drop these connections mid-upload, which can reset a pooled socket.
describe('bodies over the server limit (BODY_SIZE_LIMIT)', () => {
	afterAll(() => report('fuzz-over-limit', outcomes));

	it('refuses a body over the server limit without a 5xx, and stays up', async () => {
		cases++;
		const before = await contents();
		const outcome = await overLimit('/api/v1/radicados', {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: 'x'.repeat(17 * 1024 * 1024)
		});
		outcomes[`json ${outcome}`] = (outcomes[`json ${outcome}`] ?? 0) + 1;
		expect([413, 'closed']).toContain(outcome);
		expect((await send(`${server.url}/api/v1/health`)).status).toBe(200);
		expect(await contents()).toEqual(before);
	});

	it('refuses an upload over the server limit without a 5xx, and stays up', async () => {
		cases++;
		const before = await contents();
		const body = new FormData();
		body.append('type', 'peticion');
		body.append('files', new Blob([new Uint8Array(17 * 1024 * 1024)]), 'grande.pdf');
		const outcome = await overLimit('/es/pqrsd', {
			method: 'POST',
			headers: { origin: server.url, accept: 'text/html' },
			body
		});
		outcomes[`upload ${outcome}`] = (outcomes[`upload ${outcome}`] ?? 0) + 1;
		expect([413, 'closed']).toContain(outcome);
		expect((await send(`${server.url}/api/v1/health`)).status).toBe(200);
		expect(await contents()).toEqual(before);
	});
});
