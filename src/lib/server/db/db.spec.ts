import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { GET as health } from '../../../routes/api/v1/health/+server';
import { useTestDatabase } from '../testing/database';
import { requestEvent } from '../web/request-event';
import { migrate } from '.';
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
});
