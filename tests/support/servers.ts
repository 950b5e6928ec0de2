// Starts built app servers (build/ through scripts/start.js) as child processes for the
// reliability suite: on any port, on PGlite or PostgreSQL, and lets a test kill -9 them.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';

export interface ServerOptions {
	port: number;
	/** PGlite data directory (DATA_DIR); a fresh temporary one when omitted. */
	dataDir?: string;
	/** postgres://… to use PostgreSQL instead of PGlite. */
	databaseUrl?: string;
	env?: Record<string, string>;
}

export interface AppServer {
	url: string;
	port: number;
	dataDir: string;
	process: ChildProcess;
	/** Every line the server wrote to stdout and stderr. */
	logs: string[];
	exited: Promise<number | null>;
	kill9(): Promise<void>;
	stop(): Promise<void>;
}

export function temporaryDir(prefix = 'ventanilla-reliab-'): string {
	return mkdtempSync(join(tmpdir(), prefix));
}

// Suites run side by side on one machine pick their ports with E2E_PORT (4173 by default); the
// reliability servers move with it, so each suite's 47xx ports stay its own.
export const PORT_OFFSET = Number(process.env.E2E_PORT ?? 4173) - 4173;

/** Spawns a server; resolves once /api/v1/health answers 200, rejects if it exits first. */
export async function startServer(options: ServerOptions): Promise<AppServer> {
	const dataDir = options.dataDir ?? temporaryDir();
	const port = options.port + PORT_OFFSET;
	const url = `http://127.0.0.1:${port}`;
	const child = spawn(process.execPath, ['scripts/start.js'], {
		env: {
			...process.env,
			PORT: String(port),
			HOST: '127.0.0.1',
			ORIGIN: url,
			DATA_DIR: dataDir,
			DATABASE_URL: options.databaseUrl ?? '',
			VENTANILLA_TEST_MODE: '1',
			APP_SECRET: 'reliability-suite-secret',
			WORKER_INTERVAL_MS: '200',
			...options.env
		},
		stdio: ['ignore', 'pipe', 'pipe']
	});
	const logs: string[] = [];
	for (const stream of [child.stdout, child.stderr]) {
		let rest = '';
		stream?.setEncoding('utf8');
		stream?.on('data', (chunk: string) => {
			const lines = (rest + chunk).split('\n');
			rest = lines.pop() ?? '';
			logs.push(...lines);
		});
	}
	const exited = new Promise<number | null>((resolve) =>
		child.once('exit', (code, signal) => resolve(signal ? null : code))
	);
	let gone = false;
	void exited.then(() => (gone = true));

	const deadline = Date.now() + 90_000;
	for (;;) {
		if (gone) throw new Error(`server on ${port} exited:\n${logs.join('\n')}`);
		if (Date.now() > deadline) {
			child.kill('SIGKILL');
			throw new Error(`server on ${port} did not start:\n${logs.join('\n')}`);
		}
		const ok = await fetch(`${url}/api/v1/health`)
			.then((r) => r.ok)
			.catch(() => false);
		if (ok) break;
		await new Promise((r) => setTimeout(r, 150));
	}
	return {
		url,
		port,
		dataDir,
		process: child,
		logs,
		exited,
		async kill9() {
			if (!gone) child.kill('SIGKILL');
			await exited;
		},
		async stop() {
			if (!gone) child.kill('SIGTERM');
			const timer = setTimeout(() => child.kill('SIGKILL'), 8000);
			await exited;
			clearTimeout(timer);
		}
	};
}

/** The PostgreSQL database for the scale-out and crash tests, if any. */
export const POSTGRES_URL = process.env.POSTGRES_TEST_URL || undefined;

/** Drops every table so the next server start migrates a blank database. */
export async function blankPostgres(url: string): Promise<void> {
	const admin = postgres(url, { max: 1, onnotice: () => {} });
	try {
		await admin.unsafe(
			'drop schema if exists public cascade; drop schema if exists drizzle cascade; create schema public;'
		);
	} finally {
		await admin.end();
	}
}

/**
 * A digest of each table's contents (test mode only): equal digests, equal tables. On a socket of
 * its own: a pooled one may just have been closed by the server after a refused upload.
 */
export function tableDigests(server: AppServer): Promise<Record<string, string>> {
	return new Promise((resolve, reject) => {
		const request = httpRequest(`${server.url}/__test__/tables`, { method: 'POST', agent: false });
		request.on('error', reject);
		request.on('response', (response) => {
			let body = '';
			response.setEncoding('utf8');
			response.on('data', (chunk: string) => (body += chunk));
			response.on('end', () =>
				response.statusCode === 200
					? resolve(JSON.parse(body) as Record<string, string>)
					: reject(new Error(`tables: ${response.statusCode}`))
			);
		});
		request.end();
	});
}

export async function setClock(server: AppServer, now: string | null): Promise<void> {
	const response = await fetch(`${server.url}/__test__/clock`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ now })
	});
	if (response.status !== 204) throw new Error(`clock: ${response.status}`);
}

export async function resetDatabase(server: AppServer): Promise<void> {
	const response = await fetch(`${server.url}/__test__/reset`, { method: 'POST' });
	if (response.status !== 204) throw new Error(`reset: ${response.status}`);
}
