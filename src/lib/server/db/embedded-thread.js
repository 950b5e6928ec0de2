// The embedded database on a thread of its own (started by thread.ts): PGlite runs PostgreSQL in
// WebAssembly, synchronously, so on the app's thread every statement stopped the HTTP work for as
// long as it ran. Here the two share the machine's cores. Node runs this file as it is, not bundled
// with the app (a worker is a program of its own), and it imports nothing of the app's. Plain
// JavaScript with its types in comments: stripping TypeScript would load a compiler into the
// thread, about 35 MB of resident memory.
import { PGlite, types } from '@electric-sql/pglite';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { parentPort, workerData } from 'node:worker_threads';

/**
 * @typedef {import('./thread').Ask} Ask
 * @typedef {import('./thread').Answer} Answer
 * @typedef {import('@electric-sql/pglite').Transaction} Transaction
 */

const port = /** @type {import('node:worker_threads').MessagePort} */ (parentPort);
const { dataDir, postgresqlconf } = /** @type {import('./thread').ThreadOptions} */ (workerData);
const client = new PGlite({ dataDir, postgresqlconf });
await client.waitReady;
// Drizzle's parsers (times, dates and intervals, and their arrays, kept as PostgreSQL's text), set
// once: drizzle sends them with every query, and functions cannot cross to this thread. Set after
// ready, which sets the array types' own parsers.
/** @param {string} value */
const keep = (value) => value;
for (const type of [
	types.TIMESTAMP,
	types.TIMESTAMPTZ,
	types.INTERVAL,
	types.DATE,
	1231, // numeric[]
	1115, // timestamp[]
	1185, // timestamptz[]
	1187, // interval[]
	1182 // date[]
]) {
	client.parsers[type] = keep;
}
// Creating a database runs initdb in a WebAssembly instance of its own, garbage once the database
// is open; this thread allocates too little for V8 to collect it soon, so it is collected now
// (resident memory after creating a database: 571 MB before, 277 MB after); on a restart, one
// collection of a small heap.
setFlagsFromString('--expose-gc');
runInNewContext('gc')();

/** @type {Map<number, { open: Transaction, end: (commit: boolean) => void, done: Promise<void> }>} */
const transactions = new Map();
/** @type {Map<number, () => Promise<void>>} */
const listeners = new Map();
let next = 1;

/** Thrown when the app's side rolls back: PGlite rolls back a transaction whose body throws. */
class RolledBack extends Error {}

/** @param {number | undefined} tx */
function on(tx) {
	if (!tx) return client;
	const open = transactions.get(tx);
	if (!open) throw new Error('The transaction has ended');
	return open.open;
}

/**
 * Opens a transaction that holds PGlite's one session until `end` names it; other questions wait
 * for it, as they would on the app's thread.
 * @returns {Promise<number>}
 */
function begin() {
	const tx = next++;
	return new Promise((resolve, reject) => {
		const done = client
			.transaction(async (open) => {
				/** @type {Promise<boolean>} */
				const ended = new Promise((end) => transactions.set(tx, { open, end, done }));
				resolve(tx);
				if (!(await ended)) throw new RolledBack();
			})
			.catch((/** @type {unknown} */ error) => {
				if (!(error instanceof RolledBack)) throw error;
			})
			.finally(() => transactions.delete(tx));
		done.catch(reject);
	});
}

/**
 * @param {Ask} ask
 * @returns {Promise<unknown>}
 */
async function answer(ask) {
	switch (ask.op) {
		case 'query': {
			const { rows, affectedRows, fields } = await on(ask.tx).query(ask.sql, ask.params, {
				rowMode: ask.rowMode
			});
			return { rows, affectedRows, fields };
		}
		case 'exec':
			return (await on(ask.tx).exec(ask.sql)).map(({ rows, affectedRows, fields }) => ({
				rows,
				affectedRows,
				fields
			}));
		case 'begin':
			return begin();
		case 'end': {
			const open = transactions.get(ask.tx);
			if (!open) throw new Error('The transaction has ended');
			open.end(ask.commit);
			// Answered once the commit or rollback is done (or has failed), as PGlite's transaction().
			await open.done;
			return null;
		}
		case 'listen': {
			const listener = next++;
			const stop = await client.listen(ask.channel, (payload) =>
				port.postMessage(/** @type {Answer} */ ({ op: 'notify', listener, payload }))
			);
			listeners.set(listener, stop);
			return listener;
		}
		case 'unlisten':
			await listeners.get(ask.listener)?.();
			listeners.delete(ask.listener);
			return null;
		case 'close':
			await client.close();
			return null;
	}
}

/**
 * An error as plain fields (PostgreSQL's code, detail…): a clone of an Error keeps its message only.
 * @param {unknown} error
 * @returns {Record<string, unknown>}
 */
function fieldsOf(error) {
	if (!(error instanceof Error)) return { message: String(error) };
	return { ...error, name: error.name, message: error.message };
}

port.on('message', (/** @type {{ id: number, ask: Ask }} */ { id, ask }) => {
	answer(ask).then(
		(value) => port.postMessage(/** @type {Answer} */ ({ id, ok: true, value })),
		(error) => port.postMessage(/** @type {Answer} */ ({ id, ok: false, error: fieldsOf(error) }))
	);
});
port.postMessage(/** @type {Answer} */ ({ id: 0, ok: true, value: 'ready' }));
