import { getTableColumns, type SQL, type Table } from 'drizzle-orm';
import type { Database } from '.';
import type { Transaction } from '../idempotency';

/** Runs one statement and gives its rows, whichever driver answers (PGlite or postgres.js). */
export async function rowsOf<T>(db: Database | Transaction, query: SQL): Promise<T[]> {
	const result: unknown = await db.execute(query);
	return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

/**
 * A row of `table` from its JSON (`to_jsonb(row)` in SQL, keyed by column name), as drizzle would
 * have read it: dates as Date, numbers as numbers.
 */
export function fromJson<T extends Table>(
	table: T,
	json: Record<string, unknown>
): T['$inferSelect'] {
	const row: Record<string, unknown> = {};
	for (const [key, column] of Object.entries(getTableColumns(table))) {
		const value = json[column.name];
		row[key] = value === null || value === undefined ? null : column.mapFromDriverValue(value);
	}
	return row as T['$inferSelect'];
}
