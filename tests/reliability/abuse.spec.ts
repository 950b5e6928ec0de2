// What a bot, a flood or a guesser can do against the built app, each client on its own loopback
// address (127.x.y.z) as a crowd or a botnet would be: hoarding places, flooding a mailbox,
// locking an official or a citizen out. On PostgreSQL (POSTGRES_TEST_URL) two instances share the
// work, so every limit is shown to hold across instances; otherwise one instance on PGlite.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { entity } from '../../src/lib/config/entity';
import { startMailbox, type Mailbox } from '../../src/lib/server/testing/smtp';
import {
	POSTGRES_URL,
	blankPostgres,
	setClock,
	startServer,
	type AppServer
} from '../support/servers';
import { NOW, SLOTS, addressOf, booking, fetchFrom, filing, postJson } from './journeys';
import { report } from './report';

const limits = entity.limits;
let servers: AppServer[] = [];
let mailbox: Mailbox;
const through = (i: number) => servers[i % servers.length]!;

beforeAll(async () => {
	mailbox = await startMailbox();
	const smtpPort = String((mailbox.transport.options as { port: number }).port);
	if (POSTGRES_URL) await blankPostgres(POSTGRES_URL);
	const ports = POSTGRES_URL ? [4790, 4791] : [4790];
	servers = await Promise.all(
		ports.map((port) =>
			startServer({
				port,
				...(POSTGRES_URL ? { databaseUrl: POSTGRES_URL } : {}),
				env: { SMTP_HOST: '127.0.0.1', SMTP_PORT: smtpPort, WORKER_INTERVAL_MS: '100' }
			})
		)
	);
	for (const server of servers) await setClock(server, NOW);
});

afterAll(async () => {
	await Promise.all(servers.map((server) => server.stop()));
	await mailbox?.close();
});

const at = (minutes: number) => new Date(new Date(NOW).getTime() + minutes * 60_000).toISOString();

async function setClocks(now: string): Promise<void> {
	for (const server of servers) await setClock(server, now);
}

async function until<T>(what: () => T | Promise<T>, timeoutMs = 15_000): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = await what();
		if (value || Date.now() > deadline) return value;
		await new Promise((r) => setTimeout(r, 100));
	}
}

/** The `clave` of the confirmation link emailed to `to`, once the worker has sent it. */
async function confirmKey(to: string): Promise<string> {
	const mail = await until(() =>
		mailbox.messages.find(
			(m) => m.text?.includes('/citas/confirmar/') && JSON.stringify(m.to).includes(to)
		)
	);
	const key = /clave=([^\s&]+)/.exec(mail?.text ?? '')?.[1];
	if (!key) throw new Error(`No confirmation email to ${to}`);
	return decodeURIComponent(key);
}

const codes = (answers: { status: number; body?: Record<string, unknown> }[]) =>
	answers.reduce<Record<string, number>>((all, a) => {
		const key = `${a.status}${a.body?.code ? ` ${String(a.body.code)}` : ''}`;
		all[key] = (all[key] ?? 0) + 1;
		return all;
	}, {});

describe('places cannot be hoarded', () => {
	it('lets one client address make only the configured bookings an hour, even all at once', async () => {
		const client = '127.61.0.2';
		const answers = await Promise.all(
			Array.from({ length: 12 }, (_, i) =>
				postJson(through(i), '/api/v1/appointments', booking('61', i, SLOTS[i]!), {}, client)
			)
		);
		const max = limits.booking.perClient[0]!.max;
		expect(answers.filter((a) => a.status === 201)).toHaveLength(max);
		expect(answers.filter((a) => a.status === 429)).toHaveLength(12 - max);
		expect(answers.every((a) => a.status !== 429 || a.body?.code === 'BOOKING_LIMITED')).toBe(true);
		expect(answers.every((a) => a.status !== 201 || a.body?.status === 'held')).toBe(true);
		// Another address is not held back by it.
		const other = await postJson(
			servers[0]!,
			'/api/v1/appointments',
			booking('61', 50, SLOTS[50]!),
			{},
			'127.61.9.9'
		);
		expect(other.status).toBe(201);
		report('abuse-bookings-per-client', {
			sentAtOnce: answers.length,
			instances: servers.length,
			booked: max,
			statuses: codes(answers)
		});
	});

	it('lets one client address confirm only the configured bookings an hour', async () => {
		const max = limits.booking.confirmationsPerClient[0]!.max;
		const held = await Promise.all(
			Array.from({ length: max + 2 }, (_, i) =>
				postJson(
					through(i),
					'/api/v1/appointments',
					booking('62', i, SLOTS[20 + i]!),
					{},
					addressOf('62', i)
				)
			)
		);
		expect(held.map((a) => a.status)).toEqual(Array(max + 2).fill(201));
		const keys = await Promise.all(
			held.map((_, i) => confirmKey(booking('62', i, SLOTS[0]!).email))
		);
		// One bot that reads every mailbox it controls confirms them all, at once.
		const confirmer = '127.62.99.2';
		const answers = await Promise.all(
			held.map((a, i) =>
				postJson(
					through(i),
					`/api/v1/appointments/${String(a.body!.reference)}/confirmation`,
					{ token: keys[i] },
					{},
					confirmer
				)
			)
		);
		expect(answers.filter((a) => a.status === 200)).toHaveLength(max);
		expect(answers.filter((a) => a.body?.code === 'CONFIRMATION_LIMITED')).toHaveLength(2);
		expect(answers.filter((a) => a.status === 200).every((a) => a.body?.status === 'booked')).toBe(
			true
		);
		report('abuse-confirmations-per-client', {
			held: held.length,
			confirmedByOneClient: max,
			statuses: codes(answers)
		});
	});

	it('gives an unconfirmed place back by itself once its time is up, on every instance', async () => {
		const slot = SLOTS[40]!;
		const day = slot.slice(0, 10);
		const places = async (server: AppServer) => {
			const response = await fetch(`${server.url}/api/v1/appointments/slots?from=${day}&to=${day}`);
			const body = (await response.json()) as {
				days: { slots: { start: string; available: number }[] }[];
			};
			return body.days[0]?.slots.find((s) => s.start === slot)?.available ?? 0;
		};
		const holds = await Promise.all(
			[0, 1].map((i) =>
				postJson(through(i), '/api/v1/appointments', booking('63', i, slot), {}, addressOf('63', i))
			)
		);
		expect(holds.map((a) => a.status)).toEqual([201, 201]);
		const third = () =>
			postJson(servers[0]!, '/api/v1/appointments', booking('63', 2, slot), {}, addressOf('63', 2));
		expect((await third()).status).toBe(409);
		for (const server of servers) expect(await places(server)).toBe(0);
		// One minute before the end of the hold nothing comes back.
		await setClocks(at(limits.booking.holdMinutes - 1));
		await new Promise((r) => setTimeout(r, 1000));
		for (const server of servers) expect(await places(server)).toBe(0);
		// At its end the worker of any instance gives the places back, with no booking to prompt it.
		await setClocks(at(limits.booking.holdMinutes));
		const started = Date.now();
		const back = await until(async () => (await places(servers.at(-1)!)) === 2);
		const secondsToReturn = (Date.now() - started) / 1000;
		expect(back).toBe(true);
		const key = await confirmKey(booking('63', 0, slot).email);
		const tooLate = await postJson(
			servers[0]!,
			`/api/v1/appointments/${String(holds[0]!.body!.reference)}/confirmation`,
			{ token: key },
			{},
			addressOf('63', 0)
		);
		expect(tooLate).toMatchObject({ status: 410, body: { code: 'HOLD_EXPIRED' } });
		expect((await third()).status).toBe(201);
		await setClocks(NOW);
		report('abuse-holds-return', {
			holdMinutes: limits.booking.holdMinutes,
			placesHeld: 2,
			secondsToReturnAfterExpiry: secondsToReturn
		});
	});
});

describe('mail only where it is wanted', () => {
	it('sends one address at most the configured unconfirmed emails a day, whoever asks', async () => {
		const victim = 'victima.64@correo-prueba.co';
		const { max } = limits.unconfirmedEmailsPerRecipient;
		// Thirty petitions from thirty addresses, each asking for a receipt to the same mailbox…
		const filed = await Promise.all(
			Array.from({ length: 30 }, (_, i) =>
				postJson(
					through(i),
					'/api/v1/radicados',
					{ ...filing('64', i), email: victim },
					{},
					addressOf('64', i)
				)
			)
		);
		expect(filed.map((a) => a.status)).toEqual(Array(30).fill(201));
		expect(filed.filter((a) => a.body?.receiptEmailed === true)).toHaveLength(max);
		// …and a booking: refused whole, nothing held.
		const booked = await postJson(
			servers[0]!,
			'/api/v1/appointments',
			{ ...booking('64', 99, SLOTS[60]!), email: victim },
			{},
			addressOf('64', 99)
		);
		expect(booked).toMatchObject({ status: 429, body: { code: 'EMAIL_LIMITED' } });
		await new Promise((r) => setTimeout(r, 1500));
		const received = mailbox.messages.filter((m) => JSON.stringify(m.to).includes(victim));
		expect(received).toHaveLength(max);
		report('abuse-mail-per-recipient', {
			petitionsFiled: filed.length,
			fromAddresses: 30,
			emailsReceived: received.length,
			bookingRefused: booked.body?.code
		});
	});

	it('keeps a typed name from starting lines of its own in the email', async () => {
		const name = 'Ana\r\nEnlace: http://malo.example/\r\n\r\nAtentamente, la entidad';
		const answer = await postJson(
			servers[0]!,
			'/api/v1/appointments',
			{ ...booking('65', 0, SLOTS[70]!), name },
			{},
			addressOf('65', 0)
		);
		expect(answer.status).toBe(201);
		const mail = await until(() =>
			mailbox.messages.find((m) => JSON.stringify(m.to).includes(booking('65', 0, SLOTS[0]!).email))
		);
		const lines = (mail?.text ?? '').split('\n');
		expect(lines.some((line) => line.startsWith('Enlace: http://malo'))).toBe(false);
		expect(mail?.text).toContain('Ana Enlace: http://malo.example/ Atentamente, la entidad');
	});
});

describe('limits that cannot be raced and lock no owner out', () => {
	const account = (n: number) => ({
		email: `funcionaria${n}@entidad.gov.co`,
		password: 'una clave larga de prueba'
	});
	const signIn = (n: number, password: string, address: string, i = 0, cookie?: string) =>
		postJson(
			through(i),
			'/api/v1/staff/session',
			{ email: account(n).email, password },
			cookie ? { cookie } : {},
			address
		);

	beforeAll(async () => {
		for (const n of [1, 2]) {
			const created = await fetch(`${servers[0]!.url}/__test__/staff`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({ ...account(n), roles: ['agent'] })
			});
			expect(created.status).toBe(204);
		}
	});

	let firstAttack: Awaited<ReturnType<typeof signIn>>[] = [];

	it('answers twenty wrong passwords sent at once with at most five 401s', async () => {
		const oneAddress = await Promise.all(
			Array.from({ length: 20 }, (_, i) => signIn(1, `mala-${i}`, '127.66.0.2', i))
		);
		const manyAddresses = await Promise.all(
			Array.from({ length: 20 }, (_, i) => signIn(2, `mala-${i}`, addressOf('67', i), i))
		);
		firstAttack = oneAddress;
		for (const answers of [oneAddress, manyAddresses]) {
			expect(answers.filter((a) => a.status === 401).length).toBeLessThanOrEqual(
				limits.signIn.perTarget.max
			);
			expect(answers.every((a) => a.status === 401 || a.status === 429)).toBe(true);
		}
		report('abuse-parallel-wrong-passwords', {
			oneAddress: codes(oneAddress),
			twentyAddresses: codes(manyAddresses)
		});
	});

	it('lets the official in from another address during the attack on their account', async () => {
		// The attack goes on: more wrong passwords from new addresses.
		const more = await Promise.all(
			Array.from({ length: 10 }, (_, i) => signIn(1, `otra-${i}`, addressOf('68', i), i))
		);
		// Refused tries are not checks and give their count back, so the account may need a few
		// more checked failures to be under attack; in all, at most five wrong passwords got a 401.
		expect(more.every((a) => a.status === 401 || a.status === 429)).toBe(true);
		const checked401 = [...firstAttack, ...more].filter((a) => a.status === 401).length;
		expect(checked401).toBeLessThanOrEqual(limits.signIn.perTarget.max);
		const fromAttacker = await signIn(1, account(1).password, '127.66.0.2');
		expect(fromAttacker.status).toBe(429);
		const official = await signIn(1, account(1).password, '127.69.0.2');
		expect(official.status).toBe(200);
		const other = await signIn(2, account(2).password, '127.69.0.3', 1);
		expect(other.status).toBe(200);
		report('abuse-official-during-attack', {
			attackerRightPassword: fromAttacker.status,
			officialFromOwnAddress: official.status
		});
	});

	it('ends the session the browser had when it signs in again', async () => {
		const cookieOf = async (cookie?: string) => {
			const response = await fetchFrom('127.69.1.2', `${servers[0]!.url}/api/v1/staff/session`, {
				method: 'POST',
				headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
				body: JSON.stringify(account(2))
			});
			expect(response.status).toBe(200);
			return response.headers.getSetCookie()[0]!.split(';')[0]!;
		};
		const first = await cookieOf();
		const second = await cookieOf(first);
		const session = async (cookie: string) =>
			(await fetch(`${servers.at(-1)!.url}/api/v1/staff/session`, { headers: { cookie } })).status;
		expect(await session(first)).toBe(401);
		expect(await session(second)).toBe(200);
	});

	it('lets a citizen look up their petition while many addresses guess at its number', async () => {
		const filed = await postJson(
			servers[0]!,
			'/api/v1/radicados',
			filing('70', 0),
			{},
			'127.70.0.2'
		);
		const { number, securityCode } = filed.body as { number: string; securityCode: string };
		const addresses = 40;
		const guesses = await Promise.all(
			Array.from({ length: addresses * 3 }, (_, i) =>
				postJson(
					through(i),
					'/api/v1/radicados/lookup',
					{ number, securityCode: `ZZZZ${String(i).padStart(4, '0')}` },
					{},
					addressOf('71', i % addresses)
				)
			)
		);
		const misses = guesses.filter((a) => a.status === 404).length;
		expect(misses).toBeLessThanOrEqual(limits.lookup.perTarget.max);
		expect(misses + guesses.filter((a) => a.status === 429).length).toBe(guesses.length);
		expect(
			guesses.filter((a) => a.status === 404).every((a) => typeof a.body?.remaining === 'number')
		).toBe(true);
		const owner = await postJson(
			servers.at(-1)!,
			'/api/v1/radicados/lookup',
			{ number, securityCode },
			{},
			'127.72.0.2'
		);
		expect(owner.status).toBe(200);
		// An address that guessed is paused, even with the right code.
		const guesser = await postJson(
			servers[0]!,
			'/api/v1/radicados/lookup',
			{ number, securityCode },
			{},
			addressOf('71', 0)
		);
		expect(guesser.status).toBe(429);
		// What guessing is worth per day, from the limits (40-bit codes).
		const codesPossible = 2 ** 40;
		const day = 24 * 60;
		const perAddressAnyNumber = Math.floor(
			(day / limits.lookup.perClient.minutes) * limits.lookup.perClient.max
		);
		const perAddressOneNumber = Math.floor(
			(day / limits.lookup.perTargetFromClient.minutes) * limits.lookup.underAttackFromClient
		);
		const budget = Object.fromEntries(
			[1, 1_000, 1_000_000].map((addresses) => [
				addresses,
				{
					guessesPerDayOneNumber: addresses * perAddressOneNumber,
					guessesPerDayAnyNumber: addresses * perAddressAnyNumber,
					chanceToOpenOneChosenPetitionPerDay: (addresses * perAddressOneNumber) / codesPossible,
					chanceToOpenSomePetitionPerDay: (addresses * perAddressAnyNumber) / codesPossible
				}
			])
		);
		report('abuse-lookup-under-attack', {
			attackers: addresses,
			guessesSent: guesses.length,
			answered404: misses,
			answered429: guesses.length - misses,
			ownerWithRightCode: owner.status,
			guesserWithRightCode: guesser.status,
			budgetByAddresses: budget
		});
	});
});

describe('smaller findings', () => {
	let cookie: string;
	beforeAll(async () => {
		const response = await fetchFrom('127.73.0.2', `${servers[0]!.url}/api/v1/staff/session`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({
				email: 'funcionaria1@entidad.gov.co',
				password: 'una clave larga de prueba'
			})
		});
		expect(response.status).toBe(200);
		cookie = response.headers.getSetCookie()[0]!.split(';')[0]!;
	});

	it('answers a NUL in a staff route parameter or form without a 5xx', async () => {
		const url = servers[0]!.url;
		const json = { cookie, origin: url, 'content-type': 'application/json' };
		const answers = {
			outcome: await fetch(`${url}/api/v1/staff/appointments/%00/outcome`, {
				method: 'POST',
				headers: json,
				body: JSON.stringify({ outcome: 'attended' })
			}),
			petition: await fetch(`${url}/api/v1/staff/radicados/%00`, { headers: { cookie } }),
			event: await fetch(`${url}/api/v1/staff/radicados/%00/events`, {
				method: 'POST',
				headers: json,
				body: JSON.stringify({ kind: 'en_tramite' })
			}),
			callback: await fetch(`${url}/api/v1/staff/callbacks/%00/attempts`, {
				method: 'POST',
				headers: json,
				body: JSON.stringify({ result: 'called' })
			}),
			agendaForm: await fetch(`${url}/staff/agenda?/outcome`, {
				method: 'POST',
				headers: { cookie, origin: url, accept: 'text/html' },
				body: new URLSearchParams({ reference: '\u0000', outcome: 'attended' })
			}),
			appointmentPage: await fetch(`${url}/es/citas/cita/%00?token=x`, { redirect: 'manual' }),
			confirmPage: await fetch(`${url}/es/citas/confirmar/%00?clave=%00`)
		};
		const statuses = Object.fromEntries(Object.entries(answers).map(([k, r]) => [k, r.status]));
		for (const [name, status] of Object.entries(statuses)) expect(status, name).toBeLessThan(500);
		expect(statuses.outcome).toBe(404);
		report('abuse-nul-parameters', statuses);
	});
});
