import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { open, use, type Database, type DatabaseHandle } from '../db';
import { reset } from '../db/reset';
import { TEMPLATE_FILE } from './global-setup';

/**
 * Gives a test file its own database (a copy of the migrated template, or the PostgreSQL server
 * named by DATABASE_URL) and empties it before every test. Returns a getter for the database.
 */
export function useTestDatabase(): () => Database {
	let handle: DatabaseHandle | undefined;
	beforeAll(async () => {
		const url = process.env.DATABASE_URL;
		handle = url
			? await open({ url })
			: await open({ template: new Blob([readFileSync(TEMPLATE_FILE)]) });
		use(handle);
	});
	beforeEach(async () => {
		await reset(handle!.db);
	});
	afterAll(async () => {
		await handle?.close();
	});
	return () => handle!.db;
}
