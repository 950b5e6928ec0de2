import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import postgres from 'postgres';
import { config } from '../config';
import { lockDataDir } from './lock';
import * as schema from './schema';

export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface DatabaseHandle {
	kind: 'pglite' | 'postgres';
	db: Database;
	close(): Promise<void>;
}

export interface OpenOptions {
	/** postgres://… switches to a PostgreSQL server. */
	url?: string;
	/** Where PGlite keeps its files; omitted means in memory. */
	dataDir?: string;
	/** A PGlite data directory dumped with dumpDataDir(), for fast test databases. */
	template?: Blob;
}

const migrationsFolder = resolve('drizzle');
// Any constant works; every instance must use the same one.
const MIGRATION_LOCK = 727_001;

export async function open(options: OpenOptions): Promise<DatabaseHandle> {
	if (options.url) {
		const client = postgres(options.url, { max: 10, onnotice: () => {} });
		return {
			kind: 'postgres',
			db: drizzlePostgres(client, { schema }) as unknown as Database,
			close: () => client.end({ timeout: 5 })
		};
	}
	let release = () => {};
	if (options.dataDir) {
		mkdirSync(options.dataDir, { recursive: true });
		release = lockDataDir(options.dataDir);
	}
	try {
		const client = new PGlite({ dataDir: options.dataDir, loadDataDir: options.template });
		await client.waitReady;
		return {
			kind: 'pglite',
			db: drizzlePglite(client, { schema }) as unknown as Database,
			close: () => client.close().finally(release)
		};
	} catch (error) {
		release();
		throw error;
	}
}

/** Applies pending migrations; on PostgreSQL an advisory lock lets many instances start at once. */
export async function migrate(handle: DatabaseHandle, url?: string): Promise<void> {
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

export async function ping(db: Database): Promise<boolean> {
	try {
		await db.execute(sql`select 1`);
		return true;
	} catch {
		return false;
	}
}

let current: Promise<DatabaseHandle> | undefined;

/** Opens the app's database from the environment, once per process. */
export function connect(): Promise<DatabaseHandle> {
	current ??= open({
		url: config.databaseUrl,
		dataDir: config.databaseUrl ? undefined : resolve(config.dataDir, 'pgdata')
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
