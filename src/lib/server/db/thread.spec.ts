import { eq, sql } from 'drizzle-orm';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate, open, unavailable, type DatabaseHandle } from '.';
import { rowsOf } from './call';
import { legalTerms } from './schema';
import { seed } from './seed';

// The app's own database as `npm start` opens it: PGlite in a folder, on a thread of its own.
describe('the embedded database on its own thread', () => {
	const folder = mkdtempSync(join(tmpdir(), 'ventanilla-thread-'));
	const dataDir = join(folder, 'pgdata');
	let handle: DatabaseHandle;

	beforeAll(async () => {
		handle = await open({ dataDir, thread: true });
		await migrate(handle);
	}, 60_000);
	afterAll(async () => {
		await handle?.close();
		rmSync(folder, { recursive: true, force: true });
	});

	it('answers drizzle’s queries, times as PostgreSQL’s text and JSON as values', async () => {
		const [row] = await rowsOf<{ at: unknown; day: unknown; doc: unknown; n: unknown }>(
			handle.db,
			sql`select ${'2030-02-04T12:00:00Z'}::timestamptz as at, date '2030-02-04' as day,
				jsonb_build_object('a', 1) as doc, 2 + ${3}::int as n`
		);
		expect(row).toEqual({
			at: '2030-02-04 12:00:00+00',
			day: '2030-02-04',
			doc: { a: 1 },
			n: 5
		});
		await seed(handle.db);
		const terms = await handle.db
			.select({ days: legalTerms.businessDays })
			.from(legalTerms)
			.where(eq(legalTerms.petitionType, 'consulta'));
		expect(terms).toEqual([{ days: 30 }]);
	});

	it('commits a transaction, and rolls one back when its body fails', async () => {
		await handle.db.execute(sql`create table if not exists thread_probe (n int primary key)`);
		await handle.db.transaction(async (tx) => {
			await tx.execute(sql`insert into thread_probe values (1)`);
			// A savepoint inside: its failure is undone alone.
			await expect(
				tx.transaction(async (inner) => {
					await inner.execute(sql`insert into thread_probe values (2)`);
					throw new Error('undo the savepoint');
				})
			).rejects.toThrow('undo the savepoint');
		});
		await expect(
			handle.db.transaction(async (tx) => {
				await tx.execute(sql`insert into thread_probe values (3)`);
				throw new Error('undo all');
			})
		).rejects.toThrow('undo all');
		const rows = await rowsOf<{ n: number }>(handle.db, sql`select n from thread_probe order by n`);
		expect(rows).toEqual([{ n: 1 }]);
	});

	it('lets a question from outside wait until an open transaction ends', async () => {
		await handle.db.execute(sql`create table if not exists thread_wait (n int)`);
		let release = () => {};
		const held = new Promise<void>((resolve) => (release = resolve));
		let inserted = false;
		const transaction = handle.db.transaction(async (tx) => {
			await tx.execute(sql`insert into thread_wait values (1)`);
			inserted = true;
			await held;
		});
		while (!inserted) await new Promise((resolve) => setTimeout(resolve, 5));
		const outside = rowsOf<{ count: number }>(
			handle.db,
			sql`select count(*)::int as count from thread_wait`
		);
		release();
		await transaction;
		expect(await outside).toEqual([{ count: 1 }]);
	});

	it('gives PostgreSQL’s error code and detail back', async () => {
		await handle.db.execute(sql`create table if not exists thread_unique (n int primary key)`);
		await handle.db.execute(sql`insert into thread_unique values (7)`);
		const error = await handle.db.execute(sql`insert into thread_unique values (7)`).then(
			() => undefined,
			(caught: unknown) => caught
		);
		const cause = (error as { cause?: { code?: string; detail?: string } }).cause;
		expect(cause?.code).toBe('23505');
		expect(cause?.detail).toContain('(n)=(7)');
		expect(unavailable(error)).toBe(false);
	});

	it('passes notifications on, and stops when told', async () => {
		const heard: string[] = [];
		let listening = 0;
		const stop = await handle.listen(
			'thread_probe',
			(payload) => heard.push(payload),
			() => listening++
		);
		expect(listening).toBe(1);
		await handle.db.execute(sql`select pg_notify('thread_probe', 'first')`);
		while (heard.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
		await stop();
		await handle.db.execute(sql`select pg_notify('thread_probe', 'second')`);
		await handle.db.execute(sql`select 1`);
		expect(heard).toEqual(['first']);
	});

	it('answers a statement it prepared with other values, also after its table changed', async () => {
		await handle.db.execute(sql`create table if not exists thread_shape (n int, label text)`);
		await handle.db.execute(sql`insert into thread_shape values (1, 'one'), (2, 'two')`);
		const read = (n: number) => rowsOf(handle.db, sql`select * from thread_shape where n = ${n}`);
		expect(await read(1)).toEqual([{ n: 1, label: 'one' }]);
		expect(await read(2)).toEqual([{ n: 2, label: 'two' }]);
		// One column more: the prepared statement's rows no longer fit, so it is prepared again.
		await handle.db.execute(sql`alter table thread_shape add column note text default 'new'`);
		expect(await read(2)).toEqual([{ n: 2, label: 'two', note: 'new' }]);
		// Values of each kind the app sends, written as their parameters' types ask: the second
		// run goes through the prepared statement.
		for (let run = 0; run < 2; run++) {
			const [row] = await rowsOf<Record<string, unknown>>(
				handle.db,
				sql`select ${sql.param(['a', 'b"c', 'd,e'])}::text[] as list, ${true}::boolean as yes,
					${null}::text as nothing, ${'{"k":[1,2]}'}::jsonb as doc, ${7}::int + 1 as n`
			);
			expect(row).toEqual({
				list: ['a', 'b"c', 'd,e'],
				yes: true,
				nothing: null,
				doc: { k: [1, 2] },
				n: 8
			});
		}
	});

	it('keeps what it wrote when the folder is opened again, and fails as unavailable once closed', async () => {
		await handle.db.execute(sql`create table if not exists thread_kept (n int)`);
		await handle.db.execute(sql`insert into thread_kept values (42)`);
		await handle.close();
		const error = await handle.db.execute(sql`select 1`).then(
			() => undefined,
			(caught: unknown) => caught
		);
		expect(unavailable(error)).toBe(true);
		handle = await open({ dataDir, thread: true });
		expect(await rowsOf(handle.db, sql`select n from thread_kept`)).toEqual([{ n: 42 }]);
	}, 60_000);
});
