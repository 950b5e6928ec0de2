import { sql } from 'drizzle-orm';
import type { Database } from '.';
import { generation } from './generation';
import { seed } from './seed';

/** Empties every table and puts the demo data back: a clean database for the next test. */
export async function reset(db: Database): Promise<void> {
	generation.bump();
	const result = await db.execute<{ tablename: string }>(
		sql`select tablename from pg_tables where schemaname = 'public'`
	);
	const rows = (
		Array.isArray(result) ? result : (result as { rows: { tablename: string }[] }).rows
	) as {
		tablename: string;
	}[];
	if (rows.length > 0) {
		const list = rows.map((row) => `"${row.tablename}"`).join(', ');
		await db.execute(sql.raw(`truncate table ${list} restart identity cascade`));
	}
	await seed(db);
	generation.bump();
}
