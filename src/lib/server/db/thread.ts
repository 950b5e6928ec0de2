import type { PGlite, Results } from '@electric-sql/pglite';
import { resolve } from 'node:path';
import { Worker } from 'node:worker_threads';

export interface ThreadOptions {
	dataDir: string;
	postgresqlconf: string[];
}

/** What the app's thread asks the database's (embedded-thread.js); `tx` names an open transaction. */
export type Ask =
	| { op: 'query'; tx?: number; sql: string; params?: unknown[]; rowMode?: 'array' | 'object' }
	| { op: 'exec'; tx?: number; sql: string }
	| { op: 'begin' }
	| { op: 'end'; tx: number; commit: boolean }
	| { op: 'listen'; channel: string }
	| { op: 'unlisten'; listener: number }
	| { op: 'close' };

/** What it answers (by the question's id), and the notifications it passes on. */
export type Answer =
	| { id: number; ok: true; value: unknown }
	| { id: number; ok: false; error: Record<string, unknown> }
	| { op: 'notify'; listener: number; payload: string };

/** The part of PGlite the app and drizzle use: queries, transactions, notifications, closing. */
export interface ThreadClient {
	readonly closed: boolean;
	query<T>(
		sql: string,
		params?: unknown[],
		options?: { rowMode?: 'array' | 'object' }
	): Promise<Results<T>>;
	exec(sql: string): Promise<Results[]>;
	transaction<T>(run: (tx: ThreadTransaction) => Promise<T>): Promise<T>;
	listen(channel: string, onNotify: (payload: string) => void): Promise<() => Promise<void>>;
	close(): Promise<void>;
}

export type ThreadTransaction = Pick<ThreadClient, 'query' | 'exec'>;

// Run from the sources as it is, like the migrations (resolved from the app's folder): a worker is a
// program of its own, which the app's bundle does not contain.
const script = resolve('src/lib/server/db/embedded-thread.js');

/**
 * Opens PGlite on a worker thread (embedded-thread.js) and gives a client that asks it. If the
 * thread stops, every question, then and after, fails as a lost connection would (answered 503).
 */
export async function openThread(options: ThreadOptions): Promise<ThreadClient> {
	const worker = new Worker(script, { workerData: options });
	const waiting = new Map<
		number,
		{ resolve: (value: unknown) => void; reject: (error: Error) => void }
	>();
	const notified = new Map<number, (payload: string) => void>();
	let asked = 0;
	let stopped: Error | undefined;
	let closed = false;

	const fail = (error: Error) => {
		stopped ??= Object.assign(new Error(`The database thread stopped: ${error.message}`), {
			code: 'CONNECTION_ENDED',
			cause: error
		});
		for (const { reject } of waiting.values()) reject(stopped);
		waiting.clear();
	};
	worker.on('message', (answer: Answer) => {
		if ('op' in answer) {
			notified.get(answer.listener)?.(answer.payload);
			return;
		}
		const asking = waiting.get(answer.id);
		waiting.delete(answer.id);
		if (answer.ok) asking?.resolve(answer.value);
		else asking?.reject(Object.assign(new Error(String(answer.error.message)), answer.error));
	});
	worker.on('error', fail);
	worker.on('exit', (code) => fail(new Error(`exit code ${code}`)));

	const ready = new Promise((resolve, reject) => waiting.set(0, { resolve, reject }));
	function ask<T>(question: Ask): Promise<T> {
		if (stopped) return Promise.reject(stopped);
		const id = ++asked;
		return new Promise<T>((resolve, reject) => {
			waiting.set(id, { resolve: resolve as (value: unknown) => void, reject });
			worker.postMessage({ id, ask: question });
		});
	}
	const within = (tx?: number): ThreadTransaction => ({
		query: (sql, params, given) => ask({ op: 'query', tx, sql, params, rowMode: given?.rowMode }),
		exec: (sql) => ask({ op: 'exec', tx, sql })
	});

	await ready;
	return {
		get closed() {
			return closed;
		},
		...within(),
		async transaction(run) {
			const tx = await ask<number>({ op: 'begin' });
			let result;
			try {
				result = await run(within(tx));
			} catch (error) {
				await ask({ op: 'end', tx, commit: false });
				throw error;
			}
			await ask({ op: 'end', tx, commit: true });
			return result;
		},
		async listen(channel, onNotify) {
			const listener = await ask<number>({ op: 'listen', channel });
			notified.set(listener, onNotify);
			return async () => {
				notified.delete(listener);
				await ask({ op: 'unlisten', listener });
			};
		},
		async close() {
			if (closed) return;
			closed = true;
			await ask({ op: 'close' });
			await worker.terminate();
			fail(new Error('closed'));
		}
	};
}

/** The thread's client as drizzle's PGlite driver takes it (it uses only the methods above). */
export function asPglite(client: ThreadClient): PGlite {
	return client as unknown as PGlite;
}
