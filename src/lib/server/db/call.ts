import { getTableColumns, type Column, type SQL, type Table } from 'drizzle-orm';
import type { Database } from '.';
import type { Transaction } from '../idempotency';

/** Runs one statement and gives its rows, whichever driver answers (PGlite or postgres.js). */
export async function rowsOf<T>(db: Database | Transaction, query: SQL): Promise<T[]> {
	const result: unknown = await db.execute(query);
	return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

/** PostgreSQL's SQLSTATE of a failed statement; drizzle keeps the driver's error as the cause. */
export function sqlStateOf(error: unknown): string | undefined {
	const cause = (error as { cause?: unknown } | undefined)?.cause ?? error;
	const code = (cause as { code?: unknown } | undefined)?.code;
	return typeof code === 'string' ? code : undefined;
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
	for (const [key, column] of columnsOf(table)) {
		const value = json[column.name];
		row[key] = value === null || value === undefined ? null : column.mapFromDriverValue(value);
	}
	return row as T['$inferSelect'];
}

// A table's columns as [key, column] pairs, listed once per table: a look-up reads a row, its
// events and its answers this way, and listing them anew for each made garbage on every look-up.
const columnLists = new WeakMap<Table, [string, Column][]>();
function columnsOf(table: Table): [string, Column][] {
	let list = columnLists.get(table);
	if (!list) {
		list = Object.entries(getTableColumns(table));
		columnLists.set(table, list);
	}
	return list;
}
