// Measures radicado look-up latency (p50/p95/p99) against the built app on loopback, beside the
// floor of the same run (`GET /api/v1/health`, HTTP and one query), each look-up from its own
// client address (the app reads X-Forwarded-For here, as behind a proxy).
// Usage: npm run build && npm run bench:lookup
// BENCH_REQUESTS (2000), BENCH_CONCURRENCY (32), BENCH_PORT (4599), BENCH_SECONDS (60) bound the run;
// DATABASE_URL runs it on PostgreSQL instead of an embedded database in a temporary folder;
// BENCH_APP_DIR runs another copy of the app (an older build, to compare).
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 2000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 32);
const PORT = Number(process.env.BENCH_PORT ?? 4599);
const DEADLINE = Date.now() + Number(process.env.BENCH_SECONDS ?? 60) * 1000;
const BASE = `http://127.0.0.1:${PORT}`;

const APP_DIR = resolve(process.env.BENCH_APP_DIR ?? '.');

if (!existsSync(join(APP_DIR, 'build/index.js'))) {
	console.error('Build the app first: npm run build');
	process.exit(1);
}

const dataDir = mkdtempSync(join(tmpdir(), 'ventanilla-bench-'));
const server = spawn(process.execPath, ['build/index.js'], {
	cwd: APP_DIR,
	env: {
		...process.env,
		PORT: String(PORT),
		HOST: '127.0.0.1',
		ORIGIN: BASE,
		DATA_DIR: dataDir,
		WORKER_INTERVAL_MS: '60000',
		ADDRESS_HEADER: 'x-forwarded-for',
		XFF_DEPTH: '1'
	},
	stdio: ['ignore', 'ignore', 'inherit']
});

async function waitForHealth() {
	for (let i = 0; i < 120; i += 1) {
		try {
			if ((await fetch(`${BASE}/api/v1/health`)).ok) return;
		} catch {
			// Not listening yet.
		}
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
	throw new Error('The app did not start');
}

let clients = 0;

/** A request from a client address of its own. */
async function post(path, body) {
	const n = clients++;
	const started = performance.now();
	const response = await fetch(`${BASE}${path}`, {
		method: 'POST',
		headers: {
			'content-type': 'application/json',
			'x-forwarded-for': `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`
		},
		body: JSON.stringify(body)
	});
	const json = await response.json();
	return { status: response.status, json, ms: performance.now() - started };
}

function percentile(sorted, p) {
	return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

function summary(label, times) {
	const sorted = [...times].sort((a, b) => a - b);
	const f = (n) => n.toFixed(1).padStart(7);
	console.log(
		`${label.padEnd(28)} n=${String(sorted.length).padStart(4)}  p50 ${f(percentile(sorted, 50))} ms  p95 ${f(percentile(sorted, 95))} ms  p99 ${f(percentile(sorted, 99))} ms  max ${f(sorted.at(-1))} ms`
	);
}

try {
	await waitForHealth();
	const filed = [];
	for (let i = 0; i < 20; i += 1) {
		const { status, json } = await post('/api/v1/radicados', {
			type: 'peticion',
			subject: `Petición de prueba ${i}`,
			description: 'Texto de prueba para medir la consulta de radicados.',
			identity: 'identified',
			name: 'Prueba',
			contactPreference: 'online',
			consent: true
		});
		if (status !== 201) throw new Error(`Filing answered ${status}`);
		filed.push(json);
	}
	for (let i = 0; i < 20; i += 1) {
		const one = filed[i % filed.length];
		await post('/api/v1/radicados/lookup', { number: one.number, securityCode: one.securityCode });
	}

	// The floor: the health check from the same clients for the same number of requests.
	const floor = [];
	let asked = 0;
	const floorStarted = performance.now();
	await Promise.all(
		Array.from({ length: CONCURRENCY }, async () => {
			while (asked++ < REQUESTS && Date.now() < DEADLINE) {
				const sent = performance.now();
				const response = await fetch(`${BASE}/api/v1/health`);
				await response.arrayBuffer();
				if (response.status !== 200) throw new Error(`Health answered ${response.status}`);
				floor.push(performance.now() - sent);
			}
		})
	);
	const floorSeconds = (performance.now() - floorStarted) / 1000;

	const times = [];
	let next = 0;
	const started = performance.now();
	async function worker() {
		while (next < REQUESTS && Date.now() < DEADLINE) {
			const one = filed[next++ % filed.length];
			const result = await post('/api/v1/radicados/lookup', {
				number: one.number,
				securityCode: one.securityCode
			});
			if (result.status !== 200) throw new Error(`Look-up answered ${result.status}`);
			times.push(result.ms);
		}
	}
	await Promise.all(Array.from({ length: CONCURRENCY }, worker));
	const seconds = (performance.now() - started) / 1000;

	// Failures, sequential and within the limits: an unknown number and a wrong code should cost the same.
	const unknown = [];
	const wrong = [];
	for (let i = 0; i < 12; i += 1) {
		unknown.push(
			(
				await post('/api/v1/radicados/lookup', {
					number: `1-2026-9${String(i).padStart(5, '0')}`,
					securityCode: 'ZZZZZZZZ'
				})
			).ms
		);
		wrong.push(
			(
				await post('/api/v1/radicados/lookup', {
					number: filed[i].number,
					securityCode: 'ZZZZZZZZ'
				})
			).ms
		);
	}

	console.log(
		`Look-up on ${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'}, ${CONCURRENCY} concurrent clients, loopback:`
	);
	summary('floor: health (200)', floor);
	console.log(`${''.padEnd(28)} ${(floor.length / floorSeconds).toFixed(0)} requests per second`);
	summary('found (200)', times);
	console.log(
		`${''.padEnd(28)} ${(times.length / seconds).toFixed(0)} requests per second (${(times.length / seconds / (floor.length / floorSeconds)).toFixed(2)} of the floor); load average ${loadavg()[0].toFixed(2)}`
	);
	summary('unknown number (404)', unknown);
	summary('wrong code (404)', wrong);
} finally {
	// The app's database handle keeps it alive after a graceful stop; end it after a short grace.
	const exited = new Promise((resolve) => server.once('exit', resolve));
	server.kill('SIGTERM');
	const timer = setTimeout(() => server.kill('SIGKILL'), 3000);
	await exited;
	clearTimeout(timer);
	rmSync(dataDir, { recursive: true, force: true });
}
