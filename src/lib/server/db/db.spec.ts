import { PGlite, type QueryOptions } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/pglite';
import { describe, expect, it } from 'vitest';
import { GET as health } from '../../../routes/api/v1/health/+server';
import { useTestDatabase } from '../testing/database';
import { requestEvent } from '../web/request-event';
import { GET as live } from '../../../routes/api/v1/health/live/+server';
import { migrate, open, parsedOnce, ping, unavailable } from '.';
import { rowsOf } from './call';
import { legalTerms } from './schema';

const db = useTestDatabase();

describe('database', () => {
	it('holds the legal terms of Ley 1755 after seeding', async () => {
		const rows = await db().select().from(legalTerms);
		const terms = Object.fromEntries(rows.map((row) => [row.petitionType, row.businessDays]));
		expect(terms).toMatchObject({ peticion: 15, informacion: 10, consulta: 30, denuncia: 15 });
	});

	it('answers the health check while it is up', async () => {
		const response = await health(requestEvent('/api/v1/health'));
		expect(response.status).toBe(200);
		expect(await response.json()).toEqual({ status: 'ok', database: 'up' });
	});

	it('starts every test empty', async () => {
		await db().execute(sql`delete from legal_terms where petition_type = 'consulta'`);
		const rows = await db().select().from(legalTerms);
		expect(rows.some((row) => row.petitionType === 'consulta')).toBe(false);
	});

	it('runs migrations again without harm', async () => {
		const handle = {
			kind: process.env.DATABASE_URL ? 'postgres' : 'pglite',
			db: db(),
			close: async () => {}
		} as const;
		await expect(migrate(handle, process.env.DATABASE_URL)).resolves.toBeUndefined();
	});

	it('answers liveness without asking the database', async () => {
		const response = await live(requestEvent('/api/v1/health/live'));
		expect(response.status).toBe(200);
		expect(await response.json()).toEqual({ status: 'ok' });
	});
});

describe('an unavailable database', () => {
	it('is told apart from a request the database refused', () => {
		const coded = (code: string) => Object.assign(new Error(code), { code });
		for (const code of ['CONNECTION_CLOSED', 'ECONNREFUSED', '57P01', '08006', '53100', '57014']) {
			expect(unavailable(coded(code)), code).toBe(true);
		}
		expect(unavailable(new Error('query failed', { cause: coded('CONNECT_TIMEOUT') }))).toBe(true);
		for (const code of ['23505', '22P02', '40001'])
			expect(unavailable(coded(code)), code).toBe(false);
		expect(unavailable(new Error('plain'))).toBe(false);
		expect(unavailable('text')).toBe(false);
	});

	it('fails the health ping quickly when nothing listens', async () => {
		const handle = await open({ url: 'postgres://postgres@127.0.0.1:9/none' });
		const started = Date.now();
		expect(await ping(handle.db)).toBe(false);
		expect(Date.now() - started).toBeLessThan(3000);
		await handle.close();
	});

	it.skipIf(!process.env.DATABASE_URL)(
		'cancels a statement past the statement timeout, as unavailable',
		async () => {
			const handle = await open({ url: process.env.DATABASE_URL, statementTimeoutMs: 200 });
			try {
				const error = await handle.db.execute(sql`select pg_sleep(3)`).catch((e: unknown) => e);
				expect(unavailable(error)).toBe(true);
			} finally {
				await handle.close();
			}
		}
	);
});

describe('the embedded client as drizzle gets it', () => {
	it('takes drizzle’s type parsers once, and still reads times and dates as text', async () => {
		const client = new PGlite();
		const given: unknown[] = [];
		const query = client.query.bind(client);
		client.query = ((text: string, params?: unknown[], options?: QueryOptions) => {
			given.push(options?.parsers);
			return query(text, params, options);
		}) as PGlite['query'];
		try {
			const db = drizzle(await parsedOnce(client));
			const read = sql`select '2030-02-04 12:00:00+00'::timestamptz as at, array['2030-02-04'::date] as days, 7::int as n`;
			const { rows } = await db.execute(read);
			const inside = await db.transaction(async (tx) => (await tx.execute(read)).rows);
			for (const row of [rows[0], inside[0]]) {
				expect(row).toEqual({ at: '2030-02-04 12:00:00+00', days: '{2030-02-04}', n: 7 });
			}
			expect(given.length).toBeGreaterThan(0);
			expect(given.every((parsers) => parsers === undefined)).toBe(true);
		} finally {
			await client.close();
		}
	});
});

describe.skipIf(!process.env.DATABASE_URL)('the server’s client as drizzle gets it', () => {
	it('prepares queries with parameters, in transactions and savepoints too, and reads them as before', async () => {
		const handle = await open({ url: process.env.DATABASE_URL });
		try {
			const read = (n: number) =>
				sql`select ${'2030-02-04 12:00:00+00'}::timestamptz as at, ${n}::int + 1 as n`;
			expect((await rowsOf(handle.db, read(6)))[0]).toEqual({ at: '2030-02-04 12:00:00+00', n: 7 });
			const seen = await handle.db.transaction(async (tx) => {
				expect((await rowsOf(tx, read(1)))[0]).toEqual({ at: '2030-02-04 12:00:00+00', n: 2 });
				await tx.transaction(async (savepoint) => {
					await rowsOf(savepoint, sql`select ${'in a savepoint'}::text as said`);
				});
				return rowsOf<{ statement: string }>(tx, sql`select statement from pg_prepared_statements`);
			});
			expect(seen.map((row) => row.statement)).toEqual(
				expect.arrayContaining([
					'select $1::timestamptz as at, $2::int + 1 as n',
					'select $1::text as said'
				])
			);
		} finally {
			await handle.close();
		}
	});
});
