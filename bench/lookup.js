// Measures radicado look-up latency (p50/p95/p99) against the built app on loopback.
// Usage: npm run build && npm run bench:lookup
// BENCH_REQUESTS (500), BENCH_CONCURRENCY (4), BENCH_PORT (4599), BENCH_SECONDS (60) bound the run;
// DATABASE_URL runs it on PostgreSQL instead of an embedded database in a temporary folder.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 500);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 4);
const PORT = Number(process.env.BENCH_PORT ?? 4599);
const DEADLINE = Date.now() + Number(process.env.BENCH_SECONDS ?? 60) * 1000;
const BASE = `http://127.0.0.1:${PORT}`;

if (!existsSync('build/index.js')) {
	console.error('Build the app first: npm run build');
	process.exit(1);
}

const dataDir = mkdtempSync(join(tmpdir(), 'ventanilla-bench-'));
const server = spawn(process.execPath, ['build/index.js'], {
	env: {
		...process.env,
		PORT: String(PORT),
		HOST: '127.0.0.1',
		ORIGIN: BASE,
		DATA_DIR: dataDir,
		WORKER_INTERVAL_MS: '60000'
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

async function post(path, body) {
	const started = performance.now();
	const response = await fetch(`${BASE}${path}`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
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
	summary('found (200)', times);
	console.log(`${''.padEnd(28)} ${(times.length / seconds).toFixed(0)} requests per second`);
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
