// The embedded database on a thread of its own (started by thread.ts): PGlite runs PostgreSQL in
// WebAssembly, synchronously, so on the app's thread every statement stopped the HTTP work for as
// long as it ran. Here the two share the machine's cores. Node runs this file as it is, not bundled
// with the app (a worker is a program of its own), and it imports nothing of the app's. Plain
// JavaScript with its types in comments: stripping TypeScript would load a compiler into the
// thread, about 35 MB of resident memory.
import { PGlite, parse, protocol, types } from '@electric-sql/pglite';
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

// Statements prepared on the session, by their text. PGlite's query() parses, describes, binds,
// describes again and executes every statement anew: six calls into WebAssembly, and the planning
// each time. A prepared statement is bound and executed in one call: a look-up's statement took
// about a third of the time (measured on PGlite alone: 290–520 µs → 150–165 µs). A statement is
// prepared the second time it comes: the start-up's run-once statements (the seed's) would only
// hold memory in the session, and WebAssembly's memory never shrinks.
/** @type {Map<string, { name: string, types: number[] } | 'seen'>} */
const statements = new Map();
let named = 0;
// The app's statements are a fixed set; text that varies (values written into the SQL) would fill
// the session, so past this many the others go through query() unprepared.
const MAX_STATEMENTS = 1000;
const { serialize } = protocol;

/**
 * Runs a statement through its prepared form, preparing it first if needed (its parameters'
 * types then serialize the values, as query() does).
 * @param {string} sql
 * @param {unknown[]} params
 * @param {'array' | 'object' | undefined} rowMode
 * @param {boolean} inTransaction
 */
async function runPrepared(sql, params, rowMode, inTransaction) {
	let statement = statements.get(sql);
	if (typeof statement !== 'object') {
		const name = `vt_${++named}`;
		const { messages } = await client.execProtocol(
			Buffer.concat([
				serialize.parse({ name, text: sql }),
				serialize.describe({ type: 'S', name }),
				serialize.sync()
			]),
			{ syncToFs: false }
		);
		statement = { name, types: parse.parseDescribeStatementResults(messages) };
		statements.set(sql, statement);
	}
	const { name, types: paramTypes } = statement;
	const values = params.map((value, i) => {
		if (value === null || value === undefined) return null;
		const to = client.serializers[/** @type {number} */ (paramTypes[i])];
		return to ? to(value) : String(value);
	});
	const { messages } = await client.execProtocol(
		Buffer.concat([
			serialize.bind({ statement: name, values }),
			serialize.describe({ type: 'P' }),
			serialize.execute({}),
			serialize.sync()
		]),
		// As query(): written through to the files at once, unless a transaction is open.
		{ syncToFs: !inTransaction }
	);
	// One result at least: parseResults gives an empty one for a statement without rows.
	return /** @type {import('@electric-sql/pglite').Results} */ (
		parse.parseResults(messages, client.parsers, { rowMode })[0]
	);
}

/**
 * A query on the session or in an open transaction, with PGlite's own locks: a statement outside
 * a transaction waits for the open one to end, as query() does. A statement whose table changed
 * its columns since it was prepared ("cached plan must not change result type") is prepared
 * again: outside a transaction it is retried at once, since the failed run did nothing.
 * @param {Extract<Ask, { op: 'query' }>} ask
 */
async function query(ask) {
	const known = statements.get(ask.sql);
	if (known === undefined) {
		if (statements.size < MAX_STATEMENTS) statements.set(ask.sql, 'seen');
		return on(ask.tx).query(ask.sql, ask.params, { rowMode: ask.rowMode });
	}
	const inTransaction = Boolean(ask.tx);
	// A transaction that has ended is refused here, as on(ask.tx).query() refuses it.
	if (inTransaction) on(ask.tx);
	const run = () =>
		client._runExclusiveQuery(() =>
			runPrepared(ask.sql, ask.params ?? [], ask.rowMode, inTransaction)
		);
	const once = inTransaction ? run : () => client._runExclusiveTransaction(run);
	try {
		return await once();
	} catch (error) {
		if (/** @type {{ code?: unknown }} */ (error)?.code !== '0A000') throw error;
		statements.delete(ask.sql);
		if (inTransaction) throw error;
		return await once();
	}
}

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
			const { rows, affectedRows, fields } = await query(ask);
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
