import type { SQL } from 'drizzle-orm';
import type { Database } from '.';
import type { Transaction } from '../idempotency';

/** Runs one statement and gives its rows, whichever driver answers (PGlite or postgres.js). */
export async function rowsOf<T>(db: Database | Transaction, query: SQL): Promise<T[]> {
	const result: unknown = await db.execute(query);
	return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}
