import type { RequestEvent } from '@sveltejs/kit';
import { sql } from 'drizzle-orm';
import { clock } from '../clock';
import { config } from '../config';
import { connect, type Database } from '../db';
import { reset } from '../db/reset';
import { staff, type StaffRole } from '../staff';
import { seedPetitions } from '../testing/petitions';

/**
 * Only with VENTANILLA_TEST_MODE=1: lets the end-to-end suite give each test a clean database
 * (POST /__test__/reset), set the app's clock (POST /__test__/clock), create staff accounts
 * (POST /__test__/staff), tell whether a request changed any table (POST /__test__/tables) and
 * fill the database with many petitions for the queue's benchmark (POST /__test__/petitions).
 * Answers undefined for every other request, and for every request in production.
 */
export async function testingHook(event: RequestEvent): Promise<Response | undefined> {
	if (!config.testMode || !event.url.pathname.startsWith('/__test__/')) return undefined;
	if (event.request.method !== 'POST') return new Response(null, { status: 405 });
	if (event.url.pathname === '/__test__/reset') {
		clock.set(undefined);
		await reset((await connect()).db);
		return new Response(null, { status: 204 });
	}
	if (event.url.pathname === '/__test__/clock') {
		// Body: { "now": "2026-02-05T08:00:00-05:00" } to freeze the clock, or { "now": null } to free it.
		const { now } = (await event.request.json()) as { now: string | null };
		clock.set(now ? new Date(now) : undefined);
		return new Response(null, { status: 204 });
	}
	if (event.url.pathname === '/__test__/staff') {
		// Body: { "email": "…", "roles": ["agent", …], "password": "…" }, as `npm run staff:add` does
		// ("role": "agent" alone is read as one role).
		const input = (await event.request.json()) as {
			email: string;
			password: string;
			role?: StaffRole;
			roles?: StaffRole[];
		};
		const roles = input.roles ?? (input.role ? [input.role] : []);
		await staff.add((await connect()).db, { ...input, roles }, 'test');
		return new Response(null, { status: 204 });
	}
	if (event.url.pathname === '/__test__/petitions') {
		// Body: { "count": 50000, "open": 5000, "officials": ["ana@…"] }.
		const input = (await event.request.json()) as Parameters<typeof seedPetitions>[1];
		return Response.json(await seedPetitions((await connect()).db, input));
	}
	if (event.url.pathname === '/__test__/tables') {
		return Response.json(await tableDigests((await connect()).db));
	}
	return new Response(null, { status: 404 });
}

/** An MD5 of all the rows of each table, by table name: equal digests, equal contents. */
async function tableDigests(db: Database): Promise<Record<string, string>> {
	type Row = { name: string; digest: string };
	const rows = (result: unknown) =>
		(Array.isArray(result) ? result : (result as { rows: Row[] }).rows) as Row[];
	const tables = rows(
		await db.execute(sql`select tablename as name from pg_tables where schemaname = 'public'`)
	);
	const query = tables
		.map(
			({ name }) =>
				`select '${name}' as name, md5(coalesce(string_agg(t::text, E'\\n' order by t::text), '')) as digest from "${name}" t`
		)
		.join(' union all ');
	const digests = tables.length ? rows(await db.execute(sql.raw(query))) : [];
	return Object.fromEntries(digests.map(({ name, digest }) => [name, digest]));
}
