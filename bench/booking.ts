// Booking benchmark: starts the built app on a free loopback port with a fresh data directory,
// fires concurrent bookings for a bounded time, prints throughput and latency percentiles, and
// compares p95 with bench/budgets.json. Run with `npm run bench:booking` (after `npm run build`).
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, percentile, startBuiltApp, stopApp, waitUntilUp } from './support.ts';

const DURATION_MS = Number(process.env.BENCH_DURATION_MS ?? 10_000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);
// A Monday that is not a holiday, far enough ahead for the outbox to find its messages due.
const NOW = '2030-02-04T07:00:00-05:00';

if (!existsSync('build/index.js')) {
	console.error('No build found: run `npm run build` first.');
	process.exit(1);
}

const port = await freePort();
const base = `http://127.0.0.1:${port}`;
const dataDir = mkdtempSync(join(tmpdir(), 'ventanilla-bench-'));
const app = startBuiltApp(port, {
	DATA_DIR: dataDir,
	DATABASE_URL: process.env.BENCH_DATABASE_URL ?? '',
	VENTANILLA_TEST_MODE: '1',
	LOG_LEVEL: 'warn'
});

try {
	await waitUntilUp(base, app);
	const clock = await fetch(`${base}/__test__/clock`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ now: NOW })
	});
	if (clock.status !== 204) throw new Error('could not set the clock (test mode)');
	const slots = (await (await fetch(`${base}/api/v1/appointments/slots`)).json()) as {
		days: { slots: { start: string }[] }[];
	};
	const starts = slots.days.flatMap((day) => day.slots.map((slot) => slot.start));

	const latencies: number[] = [];
	const statuses = new Map<number, number>();
	let sequence = 0;
	const began = performance.now();
	const stopAt = began + DURATION_MS;

	async function worker(): Promise<void> {
		while (performance.now() < stopAt) {
			sequence += 1;
			const body = {
				topic: 'informacion-general',
				start: starts[Math.floor(Math.random() * starts.length)],
				consent: true,
				name: 'Persona de prueba',
				documentType: 'CC',
				documentNumber: String(10_000_000 + sequence),
				email: `bench${sequence}@example.com`,
				callLanguage: 'es'
			};
			const sent = performance.now();
			const response = await fetch(`${base}/api/v1/appointments`, {
				method: 'POST',
				headers: { 'content-type': 'application/json', 'idempotency-key': `bench-${sequence}-key` },
				body: JSON.stringify(body)
			});
			await response.arrayBuffer();
			latencies.push(performance.now() - sent);
			statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
		}
	}
	await Promise.all(Array.from({ length: CONCURRENCY }, worker));
	const seconds = (performance.now() - began) / 1000;

	latencies.sort((a, b) => a - b);
	const booked = statuses.get(201) ?? 0;
	const budget = JSON.parse(readFileSync('bench/budgets.json', 'utf8')).server
		.bookingP95Ms as number;
	const p95 = percentile(latencies, 95);
	console.log(`booking benchmark: ${CONCURRENCY} concurrent clients for ${seconds.toFixed(1)} s`);
	console.log(`  requests    ${latencies.length} (${(latencies.length / seconds).toFixed(1)}/s)`);
	console.log(`  booked      ${booked} (${(booked / seconds).toFixed(1)}/s)`);
	console.log(`  statuses    ${JSON.stringify(Object.fromEntries(statuses))}`);
	console.log(
		`  latency ms  p50 ${percentile(latencies, 50).toFixed(1)}  p95 ${p95.toFixed(1)}  p99 ${percentile(latencies, 99).toFixed(1)}  max ${latencies.at(-1)?.toFixed(1)}`
	);
	console.log(`  budget      p95 ≤ ${budget} ms: ${p95 <= budget ? 'met' : 'NOT met'}`);
	const over = [...statuses.keys()].some((status) => status >= 500);
	process.exitCode = p95 <= budget && !over ? 0 : 1;
} finally {
	await stopApp(app);
	rmSync(dataDir, { recursive: true, force: true });
}
