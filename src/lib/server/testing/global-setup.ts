import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import postgres from 'postgres';
import { migrate, open } from '../db';

export const TEMPLATE_FILE = resolve('node_modules/.cache/ventanilla/pglite-template.tar');

/**
 * Builds one migrated database per test run. PGlite's initdb costs seconds, so every test file
 * starts from a dump of this template; on PostgreSQL the schema is rebuilt once.
 */
export default async function setup(): Promise<void> {
	const url = process.env.DATABASE_URL;
	if (url) {
		const admin = postgres(url, { max: 1, onnotice: () => {} });
		await admin.unsafe(
			'drop schema if exists public cascade; drop schema if exists drizzle cascade; create schema public;'
		);
		await admin.end();
		const handle = await open({ url });
		await migrate(handle, url);
		await handle.close();
		return;
	}
	const handle = await open({});
	await migrate(handle);
	const client = (handle.db as unknown as { $client: PGlite }).$client;
	const dump = await client.dumpDataDir('none');
	mkdirSync(resolve(TEMPLATE_FILE, '..'), { recursive: true });
	writeFileSync(TEMPLATE_FILE, Buffer.from(await dump.arrayBuffer()));
	await handle.close();
}
