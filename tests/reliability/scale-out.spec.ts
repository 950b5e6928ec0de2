// Two app instances on one PostgreSQL, driven at once: capacity, radicado numbers, shared rate
// limits, idempotency and the outbox must hold across both.
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMailbox, type Mailbox } from '../../src/lib/server/testing/smtp';
import {
	POSTGRES_URL,
	blankPostgres,
	setClock,
	startServer,
	type AppServer
} from '../support/servers';
import { NOW, SLOTS, addressOf, booking, filing, postJson } from './journeys';
import { report } from './report';

if (!POSTGRES_URL) {
	console.warn('POSTGRES_TEST_URL is unset: the scale-out tests are skipped.');
}

describe.skipIf(!POSTGRES_URL)('two instances on one PostgreSQL', () => {
	let servers: AppServer[] = [];
	let mailbox: Mailbox;
	let sql: postgres.Sql;
	const started = Date.now();

	beforeAll(async () => {
		const url = POSTGRES_URL!;
		await blankPostgres(url);
		mailbox = await startMailbox();
		const smtpPort = String((mailbox.transport.options as { port: number }).port);
		// Both start on a blank database at once: the migration lock lets one migrate.
		servers = await Promise.all(
			[4740, 4741].map((port) =>
				startServer({
					port,
					databaseUrl: url,
					env: { SMTP_HOST: '127.0.0.1', SMTP_PORT: smtpPort, WORKER_INTERVAL_MS: '100' }
				})
			)
		);
		for (const server of servers) await setClock(server, NOW);
		sql = postgres(url, { max: 2, onnotice: () => {} });
	});

	afterAll(async () => {
		await Promise.all(servers.map((s) => s.stop()));
		await sql?.end();
		await mailbox?.close();
	});

	const through = (i: number) => servers[i % 2]!;

	it('never books a slot over its capacity', async () => {
		const slots = SLOTS.slice(0, 10);
		const answers = await Promise.all(
			Array.from({ length: 60 }, (_, i) =>
				postJson(
					through(i),
					'/api/v1/appointments',
					booking('21', i, slots[i % slots.length]!),
					{},
					addressOf('21', i)
				)
			)
		);
		const statuses = answers.map((a) => a.status);
		const rows = await sql<{ start: Date; n: number }[]>`
			select start, count(*)::int as n from appointments where status in ('booked', 'held') group by start`;
		expect(Math.max(...rows.map((r) => r.n))).toBeLessThanOrEqual(2);
		expect(statuses.filter((s) => s === 201)).toHaveLength(20);
		expect(statuses.filter((s) => s !== 201 && s !== 409)).toEqual([]);
		report('scale-out-bookings', {
			requests: answers.length,
			slots: slots.length,
			capacity: 2,
			booked: statuses.filter((s) => s === 201).length,
			full409: statuses.filter((s) => s === 409).length,
			fullestSlot: Math.max(...rows.map((r) => r.n))
		});
	});

	it('gives every filing its own radicado number, with no gap', async () => {
		const answers = await Promise.all(
			Array.from({ length: 60 }, (_, i) =>
				postJson(through(i), '/api/v1/radicados', filing('22', i))
			)
		);
		expect(answers.map((a) => a.status).filter((s) => s !== 201)).toEqual([]);
		const numbers = answers.map((a) => a.body!.number as string);
		const sequence = numbers.map((n) => Number(n.split('-')[2])).sort((a, b) => a - b);
		expect(new Set(numbers).size).toBe(60);
		expect(sequence).toEqual(sequence.map((_, i) => i + 1));
		report('scale-out-filings', {
			requests: answers.length,
			filed: numbers.length,
			duplicates: numbers.length - new Set(numbers).size,
			gaps: sequence.at(-1)! - sequence.length
		});
	});

	it('answers an idempotent retry sent to both instances at once with one filing', async () => {
		const key = 'scale-out-same-petition-0001';
		const answers = await Promise.all(
			Array.from({ length: 6 }, (_, i) =>
				postJson(through(i), '/api/v1/radicados', filing('23', 0), { 'idempotency-key': key })
			)
		);
		const numbers = new Set(answers.filter((a) => a.status === 201).map((a) => a.body!.number));
		expect(numbers.size).toBe(1);
		// A request that lost the race may wait for the winner or be told to retry, never 5xx.
		expect(answers.every((a) => a.status < 500)).toBe(true);
		report('scale-out-idempotency', {
			requests: answers.length,
			statuses: answers.map((a) => a.status),
			distinctNumbers: numbers.size
		});
	});

	it('shares the look-up limit between instances', async () => {
		const filed = await postJson(servers[0]!, '/api/v1/radicados', filing('24', 0));
		const number = filed.body!.number as string;
		const answers = await Promise.all(
			Array.from({ length: 20 }, (_, i) =>
				postJson(through(i), '/api/v1/radicados/lookup', {
					number,
					securityCode: `WRONG${String(i).padStart(3, '0')}`
				})
			)
		);
		const statuses = answers.map((a) => a.status);
		const misses = statuses.filter((s) => s === 404).length;
		const limited = answers.filter((a) => a.status === 429);
		expect(misses + limited.length).toBe(20);
		// Five wrong codes per number in a window, however the guesses are spread.
		expect(misses).toBeLessThanOrEqual(5);
		expect(limited.every((a) => a.type.startsWith('application/problem+json'))).toBe(true);
		report('scale-out-lookup-limit', {
			guesses: 20,
			answered404: misses,
			limited429: limited.length
		});
	});

	it('sends each outbox email exactly once, also when the relay refuses some', async () => {
		mailbox.refuseNext(5);
		await Promise.all(
			Array.from({ length: 20 }, (_, i) =>
				postJson(through(i), '/api/v1/radicados', filing('25', i))
			)
		);
		const deadline = Date.now() + 60_000;
		let pending = Infinity;
		// A refused email is tried again 30 s, 1 min, 2 min… later by the app's clock, which the
		// test holds still: move it on a minute at a time (the same day, so nothing else falls due).
		let minutes = 0;
		while (Date.now() < deadline) {
			const [row] = await sql<{ pending: number }[]>`
				select count(*)::int as pending from outbox where status <> 'sent'`;
			pending = row!.pending;
			if (pending === 0) break;
			const later = new Date(new Date(NOW).getTime() + ++minutes * 60_000).toISOString();
			for (const server of servers) await setClock(server, later);
			await new Promise((r) => setTimeout(r, 250));
		}
		expect(pending).toBe(0);
		const [row] = await sql<{ total: number }[]>`select count(*)::int as total from outbox`;
		const total = row!.total;
		// Let a slow second delivery show itself before counting.
		await new Promise((r) => setTimeout(r, 1000));
		const seen = mailbox.messages.map(
			(m) => `${m.messageId ?? ''} ${m.subject} ${m.to ? JSON.stringify(m.to) : ''}`
		);
		const duplicates = seen.length - new Set(seen).size;
		expect(mailbox.messages).toHaveLength(total);
		expect(duplicates).toBe(0);
		report('scale-out-outbox', {
			outboxRows: total,
			delivered: mailbox.messages.length,
			refusedByRelayThenRetried: 5,
			duplicates,
			seconds: (Date.now() - started) / 1000
		});
	});

	it('sends each dependency its morning alert once a day, with both instances’ workers running', async () => {
		// Filed Monday 21 January 2030: in band alta from Tuesday 5 February (day 11 of 15).
		for (const server of servers) await setClock(server, '2030-01-21T10:00:00-05:00');
		const filed = await Promise.all(
			[0, 1, 2].map((i) => postJson(through(i), '/api/v1/radicados', filing('26', i)))
		);
		expect(filed.map((f) => f.status)).toEqual([201, 201, 201]);
		const numbers = filed.map((f) => String(f.body!.number));
		await sql`update radicados set dependency = 'subdireccion-gas' where number in ${sql(numbers.slice(0, 2))}`;
		const morning = () =>
			sql<{ recipient: string }[]>`select recipient from outbox where kind = 'radicado.morning'`;
		expect(await morning()).toHaveLength(0);

		// 07:05 of that business morning on both instances: their workers (every 100 ms) race.
		for (const server of servers) await setClock(server, '2030-02-05T07:05:00-05:00');
		const deadline = Date.now() + 30_000;
		while ((await morning()).length < 2 && Date.now() < deadline) {
			await new Promise((r) => setTimeout(r, 200));
		}
		// Many more rounds of both workers, the same day.
		await new Promise((r) => setTimeout(r, 2000));
		for (const server of servers) await setClock(server, '2030-02-05T11:00:00-05:00');
		await new Promise((r) => setTimeout(r, 1000));
		const sent = (await morning()).map((row) => row.recipient).sort();
		expect(sent).toEqual(['gas@demo.ventanilla.gov.co', 'notificaciones@demo.ventanilla.gov.co']);
		const [marks] = await sql<{ count: number }[]>`
			select count(*)::int as count from petition_alerts where day = '2030-02-05'`;
		expect(marks!.count).toBe(2);
		report('scale-out-morning-alerts', { instances: 2, dependenciesAlerted: sent.length });
	});
});
