// A database made by the first release (only the first migration of the journal) must open under
// today's code with every record intact. Migrations appended later run over a database holding one
// representative record in every table; the records written in the old shape are compared after.
import { sql } from 'drizzle-orm';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { getTableName, isTable } from 'drizzle-orm';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate, open, type Database, type DatabaseHandle } from '.';
import * as schema from './schema';

interface Journal {
	entries: { idx: number; tag: string; when: number }[];
}

const journal = JSON.parse(readFileSync('drizzle/meta/_journal.json', 'utf8')) as Journal;
const first = journal.entries.find((entry) => entry.idx === 0)!;

/** The records, in the shape of the first migration's tables (written by hand: that shape never changes). */
const RECORDS = `
insert into staff_users (id, email, password_hash, role, created_at, disabled_at) values
	('6f1f8a64-0d0e-4c59-9b7a-2f6f0c1e0001', 'agente@example.org', 'scrypt$16384$8$1$c2FsdA$aGFzaA', 'agent',
	 '2026-01-05T13:00:00Z', null);
insert into staff_sessions (token_hash, user_id, created_at, expires_at) values
	('0f3c5a', '6f1f8a64-0d0e-4c59-9b7a-2f6f0c1e0001', '2026-01-05T13:05:00Z', '2026-01-05T21:05:00Z');
insert into radicados (id, number, year, sequence, type, subject, description, municipality, identity,
	petitioner, contact_preference, consent_at, lang, code_hash, state, filed_at, term_days, due_date) values
	('6f1f8a64-0d0e-4c59-9b7a-2f6f0c1e0002', '1-2026-000001', 2026, 1, 'peticion', 'Subsidio de gas',
	 'Pido revisar el subsidio de gas de mi vivienda.', 'Riohacha', 'identified',
	 '{"name": "Ana Epieyú", "email": "ana@example.com", "phone": "300 123 4567"}', 'email',
	 '2026-01-05T14:00:00Z', 'guc', 'hmac-of-the-code', 'en_tramite', '2026-01-05T14:00:00Z', 15, '2026-01-27');
insert into radicado_sequences (year, last) values (2026, 1);
insert into radicado_events (id, radicado_id, kind, at, response_number, response_date, reason,
	new_due_date, forwarded_to, actor) values
	(1, '6f1f8a64-0d0e-4c59-9b7a-2f6f0c1e0002', 'ampliacion_de_plazo', '2026-01-20T15:00:00Z', null, null,
	 'Necesitamos un concepto técnico.', '2026-02-17', null, 'agente@example.org');
insert into radicado_attachments (id, radicado_id, filename, content_type, size, sha256, created_at) values
	('6f1f8a64-0d0e-4c59-9b7a-2f6f0c1e0003', '6f1f8a64-0d0e-4c59-9b7a-2f6f0c1e0002', 'factura.pdf',
	 'application/pdf', 20480, 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
	 '2026-01-05T14:00:00Z');
insert into appointment_slots (start, capacity, booked) values ('2026-01-06T14:00:00Z', 2, 1);
insert into appointments (id, reference, status, topic, start, "end", locale, name, document_type,
	document_number, email, phone, description, call_language, interpreter, accessibility_needs,
	preferential, consent_at, policy_version, manage_token_hash, video_url, sequence, reminder_sent_at,
	cancelled_at, anonymised_at, created_at, updated_at) values
	('6f1f8a64-0d0e-4c59-9b7a-2f6f0c1e0004', 'CITA-7K3M-Q9', 'booked', 'informacion-general',
	 '2026-01-06T14:00:00Z', '2026-01-06T14:30:00Z', 'guc', 'Ana Epieyú', 'CC', '40123456',
	 'ana@example.com', '300 123 4567', 'Mi caso', 'guc', true, 'Uso lector de pantalla',
	 '["ethnic-group"]', '2026-01-05T13:00:00Z', '2026-01', 'hash-of-the-token',
	 'https://meet.example/cita/CITA-7K3M-Q9', 1, '2026-01-05T14:00:00Z', null, null,
	 '2026-01-05T13:00:00Z', '2026-01-05T13:10:00Z');
insert into callbacks (id, name, phone, language, topic, details, window_date, window_start, window_end,
	consent_at, policy_version, status, attempts, called_at, created_at) values
	('6f1f8a64-0d0e-4c59-9b7a-2f6f0c1e0005', 'Luis Pushaina', '+576057271234', 'guc', 'subsidio-glp',
	 'Sobre el cilindro', '2026-01-06', '08:00', '10:00', '2026-01-05T12:00:00Z', '2026-01', 'called', 1,
	 '2026-01-06T13:30:00Z', '2026-01-05T12:00:00Z');
insert into surveys (id, journey, journey_ref, rating, comment, locale, created_at) values
	('6f1f8a64-0d0e-4c59-9b7a-2f6f0c1e0006', 'lookup', '1-2026-000001', 4, 'Fácil de usar', 'es',
	 '2026-01-20T16:00:00Z');
insert into legal_terms (petition_type, business_days, updated_at) values
	('peticion', 15, '2026-01-01T05:00:00Z');
insert into outbox (id, kind, recipient, subject, text, html, attachments, status, attempts,
	next_attempt_at, sent_at, last_error, created_at) values
	('6f1f8a64-0d0e-4c59-9b7a-2f6f0c1e0007', 'appointment.confirmed', 'ana@example.com', 'Su cita',
	 'Hola, Ana', '<p>Hola, Ana</p>',
	 '[{"filename": "cita.ics", "content": "BEGIN:VCALENDAR", "contentType": "text/calendar"}]',
	 'sent', 1, '2026-01-05T13:00:00Z', '2026-01-05T13:00:05Z', null, '2026-01-05T13:00:00Z');
insert into idempotency_keys (scope, key, request_hash, status, body, created_at) values
	('radicados', 'draft-0001-abcd', 'sha256-of-the-body', 201, '{"number": "1-2026-000001"}',
	 '2026-01-05T14:00:00Z');
insert into rate_limits (bucket, window_start, hits) values ('lookup:1-2026-000001', '2026-01-20T15:00:00Z', 2);
insert into audit_log (id, actor, action, subject, data, at) values
	(1, 'agente@example.org', 'radicado.ampliacion_de_plazo', '1-2026-000001', '{"days": 15}',
	 '2026-01-20T15:00:00Z');
`;

const upgradeUrl = (url: string) => {
	const address = new URL(url);
	address.pathname = `${address.pathname.slice(1)}_upgrade`;
	return address.toString();
};

async function rows<T>(db: Database, query: string): Promise<T[]> {
	const result = await db.execute(sql.raw(query));
	return (Array.isArray(result) ? result : (result as unknown as { rows: T[] }).rows) as T[];
}

/** Every row of every public table, as JSON, by table. */
async function contents(db: Database): Promise<Record<string, Record<string, unknown>[]>> {
	const tables = await rows<{ name: string }>(
		db,
		`select tablename as name from pg_tables where schemaname = 'public' order by tablename`
	);
	const all: Record<string, Record<string, unknown>[]> = {};
	for (const { name } of tables) {
		const found = await rows<{ row: Record<string, unknown> }>(
			db,
			`select to_jsonb(t) as "row" from "${name}" t`
		);
		all[name] = found.map(({ row }) => row);
	}
	return all;
}

let handle: DatabaseHandle;
let url: string | undefined;
let folder: string;

beforeAll(async () => {
	// The migrations folder as the first release shipped it: the journal's first entry only.
	folder = mkdtempSync(join(tmpdir(), 'ventanilla-upgrade-'));
	mkdirSync(join(folder, 'meta'));
	writeFileSync(
		join(folder, 'meta/_journal.json'),
		JSON.stringify({ ...journal, entries: [first] })
	);
	copyFileSync(join('drizzle', `${first.tag}.sql`), join(folder, `${first.tag}.sql`));

	if (process.env.DATABASE_URL) {
		url = upgradeUrl(process.env.DATABASE_URL);
		const name = new URL(url).pathname.slice(1);
		const admin = postgres(process.env.DATABASE_URL, { max: 1, onnotice: () => {} });
		await admin.unsafe(`drop database if exists "${name}"`);
		await admin.unsafe(`create database "${name}"`);
		await admin.end();
		handle = await open({ url });
		const client = postgres(url, { max: 1, onnotice: () => {} });
		await migratePostgres(drizzlePostgres(client), { migrationsFolder: folder });
		await client.end();
	} else {
		handle = await open({});
		await migratePglite(handle.db as never, { migrationsFolder: folder });
	}
});

afterAll(async () => {
	await handle?.close();
	rmSync(folder, { recursive: true, force: true });
	if (url) {
		const admin = postgres(process.env.DATABASE_URL!, { max: 1, onnotice: () => {} });
		await admin.unsafe(`drop database if exists "${new URL(url).pathname.slice(1)}"`);
		await admin.end();
	}
});

describe('upgrading a database made by the first release', () => {
	let before: Awaited<ReturnType<typeof contents>>;
	let after: Awaited<ReturnType<typeof contents>>;

	beforeAll(async () => {
		for (const statement of RECORDS.split(/;\s*$/m).filter((text) => text.trim())) {
			await handle.db.execute(sql.raw(statement));
		}
		before = await contents(handle.db);
		await migrate(handle, url);
		after = await contents(handle.db);
	});

	it('starts from one record in every table the first release had', () => {
		expect(Object.keys(before).length).toBeGreaterThan(10);
		expect(Object.entries(before).filter(([, table]) => table.length !== 1)).toEqual([]);
	});

	it('keeps every record through every later migration', () => {
		for (const [table, [record]] of Object.entries(before)) {
			// Columns added later may hold anything; the old ones must hold what was written.
			const kept = after[table]?.map((row) =>
				Object.fromEntries(Object.keys(record!).map((column) => [column, row[column]]))
			);
			expect(kept, table).toEqual([record]);
		}
	});

	it('reads every table of the current schema', async () => {
		const tables = Object.values(schema).filter((value) => isTable(value));
		expect(tables.length).toBeGreaterThan(10);
		for (const table of tables) {
			const read = await handle.db.select().from(table as never);
			expect(read.length, getTableName(table as never)).toBe(
				after[getTableName(table as never)]?.length
			);
		}
	});
});
