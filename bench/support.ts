// What the load benchmarks share: a free port, percentiles, a light client, stopping the app.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { Agent, request } from 'undici';

export function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			const port = typeof address === 'object' && address ? address.port : 0;
			server.close(() => resolve(port));
		});
	});
}

/** The p-th percentile of values sorted ascending. */
export function percentile(sorted: number[], p: number): number {
	if (sorted.length === 0) return 0;
	return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

// Kept-alive connections, as many as the clients at once.
const clients = new Agent();

/**
 * A JSON POST and its status and answer (null when it is not JSON). The client runs on the two
 * cores the server is measured on, so it must cost little: fetch took 0.45–0.64 ms of CPU per
 * look-up, undici's request 0.23 (autocannon, which measures the floor, 0.13–0.16), against the
 * server's 0.3–2.1 ms per call.
 */
export async function postJson(
	url: string,
	body: unknown,
	headers: Record<string, string> = {}
): Promise<{ status: number; json: unknown }> {
	const response = await request(url, {
		method: 'POST',
		dispatcher: clients,
		headers: { 'content-type': 'application/json', ...headers },
		body: JSON.stringify(body)
	});
	return {
		status: response.statusCode,
		json: await response.body.json().catch(() => null)
	};
}

/** Stops the app: adapter-node waits for open handles on SIGTERM, so a lingering one is killed. */
export async function stopApp(app: ChildProcess): Promise<void> {
	// A process ended by a signal keeps exitCode null: it has exited all the same.
	const running = app.exitCode === null && app.signalCode === null;
	const exited = running ? new Promise((resolve) => app.once('exit', resolve)) : null;
	app.kill('SIGTERM');
	const timer = setTimeout(() => app.kill('SIGKILL'), 5000);
	if (exited) await exited;
	clearTimeout(timer);
}

/**
 * Waits until the app answers its health check; fails if it stops or takes over a minute. Asked
 * every 20 ms, so the time to healthy (restartReadyMs) is measured to within a poll.
 */
export async function waitUntilUp(base: string, app: ChildProcess): Promise<void> {
	const deadline = Date.now() + 60_000;
	while (Date.now() < deadline) {
		if (app.exitCode !== null)
			throw new Error('the app stopped while starting (see its errors above)');
		try {
			if ((await fetch(`${base}/api/v1/health`)).ok) return;
		} catch {
			// not listening yet
		}
		await new Promise((resolve) => setTimeout(resolve, 20));
	}
	throw new Error('the app did not start within 60 s');
}

const startScript = (
	JSON.parse(readFileSync('package.json', 'utf8')).scripts.start as string
).split(' ');

/**
 * The flags `npm start` gives Node, read from package.json's `start` so the benches measure the
 * server as it runs. `BENCH_NODE_FLAGS` replaces them to measure what they cost ("" for none).
 */
export const START_FLAGS =
	process.env.BENCH_NODE_FLAGS === undefined
		? startScript.filter((word) => word.startsWith('--'))
		: process.env.BENCH_NODE_FLAGS.split(' ').filter(Boolean);

/**
 * The settings `npm start` puts before `node` (the C library's memory arenas), read the same way;
 * `BENCH_START_ENV` replaces them ("" for none).
 */
export const START_ENV: Record<string, string> = Object.fromEntries(
	(process.env.BENCH_START_ENV ?? startScript.slice(0, startScript.indexOf('node')).join(' '))
		.split(' ')
		.filter((word) => /^[A-Z_]+=/.test(word))
		.map((word) => [word.slice(0, word.indexOf('=')), word.slice(word.indexOf('=') + 1)])
);

/**
 * Starts the built app (scripts/start.js, as `npm start`) on loopback; `env` adds its settings,
 * `cwd` names another copy of the app (an older build to compare with).
 */
export function startBuiltApp(
	port: number,
	env: Record<string, string>,
	cwd = process.cwd()
): ChildProcess {
	return spawn(process.execPath, [...START_FLAGS, 'scripts/start.js'], {
		cwd,
		env: {
			...process.env,
			...START_ENV,
			PORT: String(port),
			HOST: '127.0.0.1',
			ORIGIN: `http://127.0.0.1:${port}`,
			SMTP_HOST: '',
			...env
		},
		stdio: ['ignore', 'ignore', 'inherit']
	});
}

/** A booking by person `n` (each a document and an email of their own), as the public API takes it. */
export function bookingOf(start: string, n: number) {
	return {
		topic: 'informacion-general',
		start,
		consent: true,
		name: 'Persona de prueba',
		documentType: 'CC',
		documentNumber: String(20_000_000 + n),
		email: `bench${n}@example.com`,
		callLanguage: 'es'
	};
}
