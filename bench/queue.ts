// The petitions desk's queue with many petitions: starts the built app (test mode) on loopback,
// seeds BENCH_PETITIONS petitions (50,000; BENCH_OPEN of them open, 5,000), then asks for the queue
// with the filters officials use (API and console page) from BENCH_CONCURRENCY clients (4) for
// BENCH_SECONDS (10) each, and compares p95 with bench/budgets.json (server.queueP95Ms).
// PGlite in a temporary folder by default; BENCH_DATABASE_URL=postgres://… runs it on PostgreSQL
// (its tables are dropped and made again: never point it at real data). Figures go to
// bench/queue-results.json, one entry per engine.
// Run with `npm run bench:queue` after `npm run build`.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import { freePort, percentile, startBuiltApp, stopApp, waitUntilUp } from './support.ts';

const PETITIONS = Number(process.env.BENCH_PETITIONS ?? 50_000);
const OPEN = Number(process.env.BENCH_OPEN ?? 5_000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 4);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const DATABASE_URL = process.env.BENCH_DATABASE_URL ?? '';
const ENGINE = DATABASE_URL ? 'postgres' : 'pglite';
// A Tuesday that is not a holiday: bands of every colour among the open petitions.
const NOW = '2030-03-05T10:00:00-05:00';
const PASSWORD = 'una frase larga para medir';
const OFFICIALS = ['ana@entidad.gov.co', 'luis@entidad.gov.co', 'rosa@entidad.gov.co'];

if (!existsSync('build/index.js')) {
	console.error('No build found: run `npm run build` first.');
	process.exit(1);
}

const port = Number(process.env.BENCH_PORT ?? 0) || (await freePort());
const base = `http://127.0.0.1:${port}`;
const dataDir = mkdtempSync(join(tmpdir(), 'ventanilla-bench-queue-'));
if (DATABASE_URL) {
	// A blank database: the app migrates it from the first migration, as a new installation.
	const admin = postgres(DATABASE_URL, { max: 1, onnotice: () => {} });
	await admin.unsafe(
		'drop schema if exists public cascade; drop schema if exists drizzle cascade; create schema public;'
	);
	await admin.end();
}
const app = startBuiltApp(port, {
	DATA_DIR: dataDir,
	DATABASE_URL,
	VENTANILLA_TEST_MODE: '1',
	LOG_LEVEL: 'warn'
});

async function post(path: string, body: unknown, headers: Record<string, string> = {}) {
	const response = await fetch(`${base}${path}`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', ...headers },
		body: JSON.stringify(body)
	});
	if (!response.ok)
		throw new Error(`${path} answered ${response.status}: ${await response.text()}`);
	return response;
}

interface Figures {
	requests: number;
	perSecond: number;
	p50Ms: number;
	p95Ms: number;
	p99Ms: number;
	maxMs: number;
	statuses: Record<string, number>;
	p95MsByQuery: Record<string, number>;
}

/** `paths` asked round-robin by CONCURRENCY clients for SECONDS; each request's own time. */
async function measure(paths: string[], cookie: string): Promise<Figures> {
	const times: number[] = [];
	const byQuery = new Map<string, number[]>();
	const statuses: Record<string, number> = {};
	let next = 0;
	const began = performance.now();
	const stopAt = began + SECONDS * 1000;
	async function client() {
		while (performance.now() < stopAt) {
			const path = paths[next++ % paths.length]!;
			const sent = performance.now();
			const response = await fetch(`${base}${path}`, { headers: { cookie } });
			await response.arrayBuffer();
			const ms = performance.now() - sent;
			times.push(ms);
			if (!byQuery.has(path)) byQuery.set(path, []);
			byQuery.get(path)!.push(ms);
			statuses[response.status] = (statuses[response.status] ?? 0) + 1;
		}
	}
	await Promise.all(Array.from({ length: CONCURRENCY }, client));
	const seconds = (performance.now() - began) / 1000;
	times.sort((a, b) => a - b);
	const round = (ms: number) => Number(ms.toFixed(1));
	return {
		requests: times.length,
		perSecond: Math.round(times.length / seconds),
		p50Ms: round(percentile(times, 50)),
		p95Ms: round(percentile(times, 95)),
		p99Ms: round(percentile(times, 99)),
		maxMs: round(times.at(-1) ?? 0),
		statuses,
		p95MsByQuery: Object.fromEntries(
			[...byQuery].map(([path, list]) => [
				path,
				round(
					percentile(
						list.sort((a, b) => a - b),
						95
					)
				)
			])
		)
	};
}

try {
	await waitUntilUp(base, app);
	await post('/__test__/reset', {});
	await post('/__test__/clock', { now: NOW });
	for (const email of OFFICIALS) {
		await post('/__test__/staff', { email, roles: ['agent'], password: PASSWORD });
	}
	const signedIn = await post('/api/v1/staff/session', { email: OFFICIALS[0], password: PASSWORD });
	const cookie = (signedIn.headers.get('set-cookie') ?? '').split(';')[0]!;

	const seeding = performance.now();
	const seeded = (await (
		await post('/__test__/petitions', { count: PETITIONS, open: OPEN, officials: OFFICIALS })
	).json()) as { year: number; last: number };
	const seedSeconds = (performance.now() - seeding) / 1000;
	const someNumber = `1-${seeded.year}-${String(seeded.last - 7).padStart(6, '0')}`;

	// What officials ask for: the default queue, a band, their dependency or their own, a type and
	// channel, words of the subject, a number, a later page, and the answered ones (most rows).
	const queries = [
		'',
		'?band=critica',
		'?band=alta',
		'?dependency=subdireccion-gas',
		`?assignee=${encodeURIComponent(OFFICIALS[1]!)}`,
		'?dependency=none',
		'?type=queja&channel=phone',
		'?q=subsidio',
		`?q=${someNumber}`,
		'?page=40',
		'?state=respondida'
	];
	const api = queries.map((q) => `/api/v1/staff/radicados${q}`);
	const pages = queries.map((q) => `/staff/peticiones${q}`);
	for (const path of [...api, ...pages]) {
		const response = await fetch(`${base}${path}`, { headers: { cookie } });
		if (response.status !== 200) throw new Error(`${path} answered ${response.status}`);
		await response.arrayBuffer();
	}
	const first = (await (
		await fetch(`${base}/api/v1/staff/radicados`, { headers: { cookie } })
	).json()) as { total: number; counts: Record<string, number> };

	const apiFigures = await measure(api, cookie);
	const pageFigures = await measure(pages, cookie);
	const budget = JSON.parse(readFileSync('bench/budgets.json', 'utf8')).server.queueP95Ms as number;

	console.log(
		`queue benchmark on ${ENGINE}: ${PETITIONS} petitions (${OPEN} open) seeded in ${seedSeconds.toFixed(1)} s; ${CONCURRENCY} clients, ${SECONDS} s each`
	);
	console.log(`  open by band: ${JSON.stringify(first.counts)} (total ${first.total})`);
	for (const [label, f] of [
		['API  GET /api/v1/staff/radicados', apiFigures],
		['page GET /staff/peticiones', pageFigures]
	] as const) {
		console.log(
			`  ${label}: ${f.requests} requests (${f.perSecond}/s), p50 ${f.p50Ms} ms, p95 ${f.p95Ms} ms, p99 ${f.p99Ms} ms, max ${f.maxMs} ms ${JSON.stringify(f.statuses)}`
		);
		for (const [path, p95] of Object.entries(f.p95MsByQuery)) {
			console.log(`      p95 ${String(p95).padStart(6)} ms  ${path}`);
		}
	}
	const met = apiFigures.p95Ms <= budget && pageFigures.p95Ms <= budget;
	console.log(`  budget p95 ≤ ${budget} ms: ${met ? 'met' : 'NOT met'}`);

	const file = 'bench/queue-results.json';
	const previous = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
	previous[ENGINE] = {
		date: new Date().toISOString(),
		petitions: PETITIONS,
		open: OPEN,
		concurrency: CONCURRENCY,
		seedSeconds: Number(seedSeconds.toFixed(1)),
		api: apiFigures,
		page: pageFigures
	};
	writeFileSync(file, `${JSON.stringify(previous, null, '\t')}\n`);
	const failed = [apiFigures, pageFigures].some((f) =>
		Object.keys(f.statuses).some((status) => status !== '200')
	);
	process.exitCode = met && !failed ? 0 : 1;
} finally {
	await stopApp(app);
	rmSync(dataDir, { recursive: true, force: true });
}
