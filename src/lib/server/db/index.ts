import { PGlite, type QueryOptions, type Transaction } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import { mkdirSync, readFileSync } from 'node:fs';
import { statfs } from 'node:fs/promises';
import { resolve } from 'node:path';
import postgres, { type Sql } from 'postgres';
import { config } from '../config';
import { errorFields, log } from '../log';
import { lockDataDir } from './lock';
import { asPglite, openThread, type ThreadClient } from './thread';
import * as schema from './schema';

export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface DatabaseHandle {
	kind: 'pglite' | 'postgres';
	db: Database;
	close(): Promise<void>;
	/**
	 * Calls `onNotify` for each NOTIFY on `channel` (sent by any instance, delivered after its
	 * commit) and `onListen` each time listening starts, again after a lost connection: whatever
	 * was sent meanwhile is lost, so the listener should check for itself then. Resolves to a stop.
	 */
	listen(
		channel: string,
		onNotify: (payload: string) => void,
		onListen: () => void
	): Promise<() => Promise<void>>;
}

export interface OpenOptions {
	/** postgres://… switches to a PostgreSQL server. */
	url?: string;
	/** Where PGlite keeps its files; omitted means in memory. */
	dataDir?: string;
	/** A PGlite data directory dumped with dumpDataDir(), for fast test databases. */
	template?: Blob;
	/** PostgreSQL: a statement running longer is cancelled (SQLSTATE 57014). */
	statementTimeoutMs?: number;
	/** PGlite in `dataDir`, on a worker thread of its own (thread.ts) instead of the app's. */
	thread?: boolean;
}

// Errors that say "the database (or its disk) cannot answer now", not "this request is wrong":
// the driver's own connection errors, the socket's, and SQLSTATEs of lost connections (08),
// insufficient resources such as a full disk (53), shutdown and restart (57P01-57P03), a statement
// timeout (57014), a read-only database (25006: a standby after failover, or our disk guard) and
// I/O errors (58030).
const UNAVAILABLE_CODES = new Set([
	'CONNECTION_CLOSED',
	'CONNECTION_ENDED',
	'CONNECTION_DESTROYED',
	'CONNECT_TIMEOUT',
	'ECONNREFUSED',
	'ECONNRESET',
	'EPIPE',
	'ETIMEDOUT',
	'EHOSTUNREACH',
	'ENETUNREACH',
	'EAI_AGAIN',
	'ENOSPC',
	'EDQUOT'
]);
const UNAVAILABLE_STATES = /^(08...|53...|57P0[123]|57014|25006|58030)$/;

/** True when an error (or what it wraps) means the database is unreachable, full or too slow. */
export function unavailable(error: unknown): boolean {
	let current = error;
	for (let depth = 0; current instanceof Error && depth < 5; depth++) {
		const code = (current as { code?: unknown }).code;
		if (
			typeof code === 'string' &&
			(UNAVAILABLE_CODES.has(code) || UNAVAILABLE_STATES.test(code))
		) {
			return true;
		}
		current = current.cause;
	}
	return false;
}

// PGlite runs PostgreSQL in this process's WebAssembly heap (128 MB at least, touched as used), so
// each of its memory settings is memory of the app. PostgreSQL's 128 MB of shared buffers become
// 16 MB, enough for a small entity's working set; PGlite has one session, so the tables sized by
// max_connections (PGPROC entries, the lock table) shrink to a few connections' worth.
const EMBEDDED_SETTINGS = [
	'shared_buffers=16MB',
	'max_connections=4',
	'superuser_reserved_connections=0',
	'reserved_connections=0',
	'temp_buffers=1MB'
];

/**
 * The client as drizzle gets it. Drizzle gives PGlite the same few type parsers with every query
 * (dates and times kept as PostgreSQL's text), and PGlite copies them over its 300-odd own for
 * each query: about 0.1 ms, a tenth of a health check's whole cost. Put once among the client's
 * own parsers, they need not be given again. Parsers other than the first set go through as given.
 * Ready first: getting ready sets the parsers of array types, which would replace drizzle's.
 */
export async function parsedOnce(client: PGlite): Promise<PGlite> {
	await client.waitReady;
	let installed: string | undefined;
	const options = (given?: QueryOptions): QueryOptions | undefined => {
		if (!given?.parsers) return given;
		const keys = Object.keys(given.parsers).join();
		if (installed === undefined) {
			Object.assign(client.parsers, given.parsers);
			installed = keys;
		}
		return keys === installed ? { ...given, parsers: undefined } : given;
	};
	const querying = <T extends object>(target: T): T =>
		new Proxy(target, {
			get(target, key) {
				const value = Reflect.get(target, key, target) as unknown;
				if (key === 'query') {
					return (query: string, params?: unknown[], given?: QueryOptions) =>
						(value as PGlite['query']).call(target, query, params, options(given));
				}
				if (key === 'transaction') {
					return <R>(run: (tx: Transaction) => Promise<R>) =>
						(value as PGlite['transaction']).call(target, (tx) => run(querying(tx)));
				}
				return typeof value === 'function' ? value.bind(target) : value;
			}
		});
	return querying(client);
}

/**
 * The server's client as drizzle gets it. Drizzle sends every query through `unsafe`, which
 * postgres.js leaves unprepared: a query with parameters then costs two round trips (its parameter
 * types asked first, then it runs), and the server parses and plans it each time. Prepared, as
 * postgres.js prepares its own queries (by name, per connection), a connection that has met a
 * query before runs it in one round trip. Transactions and savepoints get the same client.
 */
export function prepared(client: Sql): Sql {
	return new Proxy(client, {
		get(target, key) {
			const value = Reflect.get(target, key, target) as unknown;
			if (key === 'unsafe') {
				return (query: string, params?: unknown[], options?: object) =>
					target.unsafe(query, params as never, { ...options, prepare: true });
			}
			if (key === 'begin' || key === 'savepoint') {
				// (options or name, body): the body's client is prepared too.
				return (...args: unknown[]) => {
					const body = args.pop() as (sql: Sql) => unknown;
					const run = value as (...given: unknown[]) => unknown;
					return run.apply(target, [...args, (sql: Sql) => body(prepared(sql))]);
				};
			}
			return typeof value === 'function' ? value.bind(target) : value;
		}
	});
}

const migrationsFolder = resolve('drizzle');
// Any constant works; every instance must use the same one.
const MIGRATION_LOCK = 727_001;

export async function open(options: OpenOptions): Promise<DatabaseHandle> {
	if (options.url) {
		const client = postgres(options.url, {
			max: 10,
			onnotice: () => {},
			// A server that does not answer within 5 s is down for this request: answer 503 soon.
			connect_timeout: 5,
			// The driver's default waits up to 20 s between attempts after an outage; a restarted
			// server should be used again within a second or two.
			backoff: (retries: number) => Math.min(0.05 * 2 ** retries, 1) * (0.5 + Math.random() / 2),
			connection: options.statementTimeoutMs
				? { statement_timeout: options.statementTimeoutMs }
				: {}
		});
		return {
			kind: 'postgres',
			db: drizzlePostgres(prepared(client), { schema }) as unknown as Database,
			close: () => client.end({ timeout: 5 }),
			async listen(channel, onNotify, onListen) {
				const { unlisten } = await client.listen(channel, onNotify, onListen);
				return unlisten;
			}
		};
	}
	let release = () => {};
	if (options.dataDir) {
		mkdirSync(options.dataDir, { recursive: true });
		release = lockDataDir(options.dataDir);
	}
	try {
		if (options.thread && options.dataDir) {
			const client = await openThread({
				dataDir: options.dataDir,
				postgresqlconf: EMBEDDED_SETTINGS
			});
			return embedded(
				client,
				drizzlePglite(asPglite(client), { schema }),
				options.dataDir,
				release
			);
		}
		const client = new PGlite({
			dataDir: options.dataDir,
			loadDataDir: options.template,
			postgresqlconf: EMBEDDED_SETTINGS
		});
		await client.waitReady;
		return embedded(
			client,
			drizzlePglite(await parsedOnce(client), { schema }),
			options.dataDir,
			release
		);
	} catch (error) {
		release();
		throw error;
	}
}

/** The handle of an embedded database, on the app's thread or its own. */
async function embedded(
	client: Pick<ThreadClient, 'closed' | 'exec' | 'listen' | 'close'>,
	db: unknown,
	dataDir: string | undefined,
	release: () => void
): Promise<DatabaseHandle> {
	const stopGuard = dataDir ? await guardDisk(client, dataDir) : () => {};
	return {
		kind: 'pglite',
		db: db as Database,
		close: () => {
			stopGuard();
			return client.close().finally(release);
		},
		async listen(channel, onNotify, onListen) {
			const stop = await client.listen(channel, onNotify);
			onListen();
			return () => stop();
		}
	};
}

/**
 * Free space PGlite needs to keep writing safely. Running out while it creates a 16 MB WAL segment
 * does not fail one statement: PGlite 0.5 then freezes the whole process on the next query (tried on
 * a full tmpfs). So below this reserve the database turns read-only: writes fail at once (SQLSTATE
 * 25006, answered 503), reads go on, and writes resume when space is freed.
 */
export const DISK_RESERVE_BYTES = 32 * 1024 * 1024;

async function guardDisk(
	client: Pick<ThreadClient, 'closed' | 'exec'>,
	dir: string
): Promise<() => void> {
	let readOnly = false;
	let checking = false;
	const check = async () => {
		if (checking || client.closed) return;
		checking = true;
		try {
			const { bavail, bsize } = await statfs(dir);
			const free = bavail * bsize;
			const low = free < DISK_RESERVE_BYTES;
			if (low !== readOnly && !client.closed) {
				// PGlite has one session and runs this between transactions.
				await client.exec(`set default_transaction_read_only = ${low ? 'on' : 'off'}`);
				readOnly = low;
				const fields = { freeMb: Math.floor(free / 2 ** 20) };
				if (low) log.error('disk almost full: the database is read-only', fields);
				else log.info('disk space is back: the database accepts writes', fields);
			}
		} catch (error) {
			log.warn('disk space check failed', errorFields(error));
		} finally {
			checking = false;
		}
	};
	await check();
	const timer = setInterval(check, 1000);
	timer.unref();
	return () => clearInterval(timer);
}

/**
 * Whether the database already has every migration of this build, as drizzle's migrator decides
 * (the newest applied is at least as recent as the journal's newest): one query on a restart
 * instead of reading and hashing every migration file and, on PostgreSQL, a connection of its own
 * and the advisory lock. Drizzle records the migrations in one transaction, so a migration under
 * way in another instance is not seen as applied.
 */
async function upToDate(db: Database): Promise<boolean> {
	const { entries } = JSON.parse(
		readFileSync(resolve(migrationsFolder, 'meta', '_journal.json'), 'utf8')
	) as {
		entries: { when: number }[];
	};
	const newest = Math.max(...entries.map((entry) => entry.when));
	try {
		const [row] = rowsOf<{ at: string | null }>(
			await db.execute(sql`select max(created_at)::text as at from drizzle.__drizzle_migrations`)
		);
		return Number(row?.at ?? 0) >= newest;
	} catch (error) {
		// A new database has no migrations table yet.
		if (unavailable(error)) throw error;
		return false;
	}
}

/** Applies pending migrations; on PostgreSQL an advisory lock lets many instances start at once. */
export async function migrate(
	handle: Pick<DatabaseHandle, 'kind' | 'db'>,
	url?: string
): Promise<void> {
	if (await upToDate(handle.db)) return;
	if (handle.kind === 'pglite') {
		await migratePglite(handle.db as never, { migrationsFolder });
		return;
	}
	const client = postgres(url ?? config.databaseUrl ?? '', { max: 1, onnotice: () => {} });
	try {
		await client`select pg_advisory_lock(${MIGRATION_LOCK})`;
		await migratePostgres(drizzlePostgres(client), { migrationsFolder });
	} finally {
		await client`select pg_advisory_unlock(${MIGRATION_LOCK})`.catch(() => {});
		await client.end({ timeout: 5 });
	}
}

/** Whether the database answers a trivial query within `timeoutMs`. */
export async function ping(db: Database, timeoutMs = 2000): Promise<boolean> {
	let timer: NodeJS.Timeout | undefined;
	const timeout = new Promise<false>((resolve) => {
		timer = setTimeout(() => resolve(false), timeoutMs);
	});
	try {
		return await Promise.race([db.execute(sql`select 1`).then(() => true), timeout]);
	} catch {
		return false;
	} finally {
		clearTimeout(timer);
	}
}

/**
 * Where the database's write-ahead log ends: it moves with every change any instance makes (the
 * insert position passes a commit before the commit is visible), never with a read. Kept pages of
 * data (the indicators) are kept while it stays.
 */
export async function writePosition(db: Database): Promise<string> {
	const [row] = rowsOf<{ at: string }>(
		await db.execute(sql`select pg_current_wal_insert_lsn()::text as at`)
	);
	return row?.at ?? '';
}

/** The rows of `db.execute` from either driver (postgres-js gives an array, PGlite an object). */
function rowsOf<Row>(result: unknown): Row[] {
	return (Array.isArray(result) ? result : (result as { rows: Row[] }).rows) as Row[];
}

let current: Promise<DatabaseHandle> | undefined;

/** Opens the app's database from the environment, once per process. */
export function connect(): Promise<DatabaseHandle> {
	current ??= open({
		url: config.databaseUrl,
		dataDir: config.databaseUrl ? undefined : resolve(config.dataDir, 'pgdata'),
		thread: true,
		statementTimeoutMs: config.statementTimeoutMs
	});
	return current;
}

/** Lets tests (and scripts) hand in an already open database. */
export function use(handle: DatabaseHandle): void {
	current = Promise.resolve(handle);
}

export async function database(): Promise<Database> {
	return (await connect()).db;
}
