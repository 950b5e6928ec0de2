// kill -9 in the middle of a booking and filing load: every request that got a 2xx must be stored
// after the restart, nothing half-written may be, on PGlite and on PostgreSQL.
import { PGlite } from '@electric-sql/pglite';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import postgres from 'postgres';
import { afterAll, describe, expect, it } from 'vitest';
import { lockDataDir } from '../../src/lib/server/db/lock';
import {
	POSTGRES_URL,
	blankPostgres,
	setClock,
	startServer,
	temporaryDir,
	type AppServer
} from '../support/servers';
import { NOW, SLOTS, booking, filing, postJson } from './journeys';
import { report } from './report';

interface Acknowledged {
	appointments: Map<string, string>;
	radicados: Map<string, string>;
}

interface LoadResult extends Acknowledged {
	sent: number;
	refused: Record<string, number>;
	failed: number;
	inFlightAtKill: number;
}

/**
 * Eight clients book and file in a loop; the server is killed once `acknowledged` requests got
 * their 2xx (or after 20 s), while the clients are still sending.
 */
async function loadUntilKilled(server: AppServer, run: string, acknowledged: number) {
	const result: LoadResult = {
		appointments: new Map(),
		radicados: new Map(),
		sent: 0,
		refused: {},
		failed: 0,
		inFlightAtKill: 0
	};
	const refuse = (kind: string, status: number, code: unknown) => {
		const key = `${kind} ${status} ${String(code ?? '')}`.trim();
		result.refused[key] = (result.refused[key] ?? 0) + 1;
	};
	let inFlight = 0;
	let killed = false;
	let next = 0;
	const client = async () => {
		while (!killed) {
			const i = next++;
			inFlight++;
			result.sent++;
			try {
				if (i % 2 === 0) {
					const answer = await postJson(
						server,
						'/api/v1/appointments',
						booking(run, i, SLOTS[Math.floor(i / 2) % SLOTS.length]!),
						{ 'idempotency-key': `crash-${run}-booking-${i}` }
					);
					if (answer.status === 201) {
						result.appointments.set(
							answer.body!.reference as string,
							answer.body!.manageToken as string
						);
					} else refuse('booking', answer.status, answer.body?.code);
				} else {
					const answer = await postJson(server, '/api/v1/radicados', filing(run, i), {
						'idempotency-key': `crash-${run}-filing-${i}`
					});
					if (answer.status === 201) {
						result.radicados.set(
							answer.body!.number as string,
							answer.body!.securityCode as string
						);
					} else refuse('filing', answer.status, answer.body?.code);
				}
			} catch {
				result.failed++;
			} finally {
				inFlight--;
			}
		}
	};
	const clients = Array.from({ length: 8 }, client);
	const deadline = Date.now() + 20_000;
	while (result.appointments.size + result.radicados.size < acknowledged && Date.now() < deadline) {
		await new Promise((r) => setTimeout(r, 20));
	}
	result.inFlightAtKill = inFlight;
	killed = true;
	await server.kill9();
	await Promise.all(clients);
	return result;
}

type Query = (text: string) => Promise<Record<string, unknown>[]>;

/** Compares what the database holds with what the clients were told. */
async function audit(query: Query, load: LoadResult) {
	const appointments = (await query('select reference from appointments')).map(
		(r) => r.reference as string
	);
	const radicados = (await query('select number from radicados order by number')).map(
		(r) => r.number as string
	);
	// The emails written with the booking or the filing; the worker adds reminders of its own.
	const emails = (
		await query(
			`select count(*)::int as n from outbox where kind in ('appointment.held', 'radicado.filed')`
		)
	)[0]!.n as number;
	const keys = (await query(`select count(*)::int as n from idempotency_keys`))[0]!.n as number;
	const missing = [
		...[...load.appointments.keys()].filter((r) => !appointments.includes(r)),
		...[...load.radicados.keys()].filter((n) => !radicados.includes(n))
	];
	const extra =
		appointments.length + radicados.length - load.appointments.size - load.radicados.size;
	const sequence = radicados.map((n) => Number(n.split('-')[2]));
	return { appointments, radicados, emails, keys, missing, extra, sequence };
}

async function verifyThroughApi(server: AppServer, load: LoadResult) {
	let found = 0;
	for (const [reference, token] of load.appointments) {
		const response = await fetch(`${server.url}/api/v1/appointments/${reference}`, {
			headers: { authorization: `Bearer ${token}` }
		});
		if (response.status === 200) found++;
	}
	for (const [number, securityCode] of load.radicados) {
		const answer = await postJson(server, '/api/v1/radicados/lookup', { number, securityCode });
		if (answer.status === 200) found++;
	}
	return found;
}

function expectConsistent(load: LoadResult, stored: Awaited<ReturnType<typeof audit>>) {
	expect(stored.missing).toEqual([]);
	// Requests cut off by the kill may have committed without their answer reaching the client.
	expect(stored.extra).toBeGreaterThanOrEqual(0);
	expect(stored.extra).toBeLessThanOrEqual(load.inFlightAtKill + load.failed);
	// Each booking and each filing with an email wrote its email in the same transaction.
	expect(stored.emails).toBe(stored.appointments.length + stored.radicados.length);
	expect(stored.keys).toBe(stored.appointments.length + stored.radicados.length);
	// Radicado numbers: no gap, no repeat.
	expect(stored.sequence).toEqual(stored.sequence.map((_, i) => i + 1));
}

const servers: AppServer[] = [];
afterAll(async () => {
	await Promise.all(servers.map((s) => s.kill9()));
});

describe('kill -9 during a booking and filing load', () => {
	it('on PGlite keeps every acknowledged request and refuses a second process on the data directory', async () => {
		const dataDir = temporaryDir();
		const first = await startServer({ port: 4730, dataDir });
		servers.push(first);
		await setClock(first, NOW);

		const intruder = startServer({ port: 4731, dataDir });
		await expect(intruder).rejects.toThrow(/in use by process/);

		const started = Date.now();
		const load = await loadUntilKilled(first, '11', 60);
		expect(load.appointments.size + load.radicados.size).toBeGreaterThan(10);
		// The killed server's lock names a dead process: it is taken over.
		const pgdata = join(dataDir, 'pgdata');
		expect(existsSync(`${pgdata}.lock`)).toBe(true);
		const release = lockDataDir(pgdata);
		const client = new PGlite({ dataDir: pgdata });
		const stored = await audit(async (text) => (await client.query(text)).rows as never, load);
		await client.close();
		release();
		expectConsistent(load, stored);

		// Restarting re-runs the migrations over a migrated database.
		const second = await startServer({ port: 4730, dataDir });
		servers.push(second);
		await setClock(second, NOW);
		const found = await verifyThroughApi(second, load);
		expect(found).toBe(load.appointments.size + load.radicados.size);
		await second.stop();
		report('crash-pglite', {
			sent: load.sent,
			acknowledged: load.appointments.size + load.radicados.size,
			refused: load.refused,
			cutOff: load.failed,
			inFlightAtKill: load.inFlightAtKill,
			storedAfterRestart: stored.appointments.length + stored.radicados.length,
			committedWithoutAnswer: stored.extra,
			missing: stored.missing.length,
			verifiedThroughApi: found,
			seconds: (Date.now() - started) / 1000
		});
	});

	it.skipIf(!POSTGRES_URL)('on PostgreSQL keeps every acknowledged request', async () => {
		const url = POSTGRES_URL!;
		await blankPostgres(url);
		const first = await startServer({ port: 4732, databaseUrl: url });
		servers.push(first);
		await setClock(first, NOW);
		const started = Date.now();
		const load = await loadUntilKilled(first, '12', 60);
		expect(load.appointments.size + load.radicados.size).toBeGreaterThan(10);
		const sql = postgres(url, { max: 1, onnotice: () => {} });
		const stored = await audit((text) => sql.unsafe(text) as never, load);
		await sql.end();
		expectConsistent(load, stored);

		const second = await startServer({ port: 4732, databaseUrl: url });
		servers.push(second);
		await setClock(second, NOW);
		const found = await verifyThroughApi(second, load);
		expect(found).toBe(load.appointments.size + load.radicados.size);
		await second.stop();
		report('crash-postgres', {
			sent: load.sent,
			acknowledged: load.appointments.size + load.radicados.size,
			refused: load.refused,
			cutOff: load.failed,
			inFlightAtKill: load.inFlightAtKill,
			storedAfterRestart: stored.appointments.length + stored.radicados.length,
			committedWithoutAnswer: stored.extra,
			missing: stored.missing.length,
			verifiedThroughApi: found,
			seconds: (Date.now() - started) / 1000
		});
	});
});

if (!POSTGRES_URL) {
	console.warn('POSTGRES_TEST_URL is unset: the PostgreSQL crash test is skipped.');
}
