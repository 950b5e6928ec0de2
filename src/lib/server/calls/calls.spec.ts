import { eq, sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appointments } from '../appointments';
import { clock } from '../clock';
import {
	appointments as table,
	auditLog,
	callParticipants,
	callSignals,
	outbox
} from '../db/schema';
import { DomainError } from '../errors';
import { staff, type StaffUser } from '../staff';
import {
	bookAt,
	bookingInput,
	bookingOptions,
	confirmBooking,
	emailText
} from '../testing/factories';
import { useTestDatabase } from '../testing/database';
import { refusalOf } from '../testing/refusals';
import { calls } from '.';
import { citizenRoomUrl, roomKeyMatches, videoLink } from './links';

const db = useTestDatabase();
// Booked on Monday 4 February 2030 at 07:00 (Bogotá) for Tuesday 09:00.
const BOOKED_AT = new Date('2030-02-04T07:00:00-05:00');
const START = '2030-02-05T09:00:00-05:00';
const at = (time: string) => new Date(`2030-02-05T${time}-05:00`);

let official: StaffUser;
let reference: string;

async function appointment() {
	return appointments.byReference(db(), reference);
}

async function enter(role: 'citizen' | 'official' | 'interpreter') {
	const found = await appointment();
	const pass = calls.readPass(
		calls.pass(found, role, role === 'official' ? official.id : undefined),
		found
	);
	const joined = await calls.join(db(), found, pass);
	return { ...joined, pass: calls.readParticipant(joined.participant.token, found) };
}

beforeEach(async () => {
	clock.set(BOOKED_AT);
	({ user: official } = await staff.add(db(), {
		email: 'agente@example.org',
		roles: ['agent'],
		password: 'contraseña de prueba'
	}));
	({ reference } = await bookAt(db(), START, {
		name: 'Ana María Epieyú',
		email: 'ana@example.com',
		documentNumber: '40123456'
	}));
});
afterEach(() => clock.set(undefined));

describe('the room', () => {
	it('refuses to let anyone in before start − 5 minutes and says when it opens', async () => {
		clock.set(at('08:54:59'));
		const refused = await refusalOf(enter('citizen'));
		expect(refused).toMatchObject({ code: 'ROOM_NOT_OPEN' });
		expect(refused.details.extra).toEqual({ opensAt: '2030-02-05T08:55:00-05:00' });
		expect(await db().select().from(callParticipants)).toEqual([]);
	});

	it('opens at start − 5 minutes and shows the citizen waiting', async () => {
		clock.set(at('08:55:00'));
		const { state } = await enter('citizen');
		expect(state).toMatchObject({ phase: 'open', citizenJoined: true, citizenWaiting: true });
		expect(state.participants).toEqual([
			expect.objectContaining({ role: 'citizen', joinedAt: '2030-02-05T08:55:00-05:00' })
		]);
	});

	it('warns from start + 25 minutes and ends at start + 30', async () => {
		clock.set(at('09:24:59'));
		expect((await calls.state(db(), await appointment())).phase).toBe('open');
		clock.set(at('09:25:00'));
		expect((await calls.state(db(), await appointment())).phase).toBe('closing');
		clock.set(at('09:30:00'));
		const state = await calls.state(db(), await appointment());
		expect(state).toMatchObject({ phase: 'ended', reason: 'time' });
		expect(await refusalOf(enter('citizen'))).toMatchObject({ code: 'CALL_ENDED' });
	});

	it('lets the official end the call for everyone, with an audit row', async () => {
		clock.set(at('09:10:00'));
		await calls.end(db(), await appointment(), official.email);
		expect(await calls.state(db(), await appointment())).toMatchObject({
			phase: 'ended',
			reason: 'hangup'
		});
		const [row] = await db().select().from(auditLog).where(eq(auditLog.action, 'call.ended'));
		expect(row).toMatchObject({ actor: 'agente@example.org', subject: reference });
	});

	it('lets no one into the call of a booking that waits for its emailed confirmation', async () => {
		// Booked at 07:00: the hold waits until 07:15, long before the room opens.
		const held = await appointments.book(
			db(),
			bookingInput({ start: START, email: 'hold@example.com' }),
			bookingOptions()
		);
		expect(held.status).toBe('held');
		reference = held.reference;
		clock.set(new Date('2030-02-04T07:10:00-05:00'));
		expect(await calls.state(db(), await appointment())).toMatchObject({
			phase: 'ended',
			reason: 'unconfirmed'
		});
		expect(await refusalOf(enter('citizen'))).toMatchObject({
			code: 'APPOINTMENT_NOT_CONFIRMED'
		});
		expect(await refusalOf(enter('official'))).toMatchObject({
			code: 'APPOINTMENT_NOT_CONFIRMED'
		});
		expect(await db().select().from(callParticipants)).toEqual([]);
		await confirmBooking(db(), reference);
		clock.set(at('08:55:00'));
		expect((await enter('citizen')).state).toMatchObject({ phase: 'open', citizenJoined: true });
	});

	it('accepts only passes made for this call', async () => {
		const other = await bookAt(db(), START);
		const otherAppointment = await appointments.byReference(db(), other.reference);
		const pass = calls.pass(otherAppointment, 'citizen');
		expect(() => calls.readPass(pass, { ...otherAppointment, id: crypto.randomUUID() })).toThrow(
			DomainError
		);
		expect(() => calls.readPass(`${pass}x`, otherAppointment)).toThrow(DomainError);
		clock.set(at('10:30:01'));
		expect(() => calls.readPass(pass, otherAppointment)).toThrow(DomainError);
	});
});

describe('signalling through the database', () => {
	it('delivers a signal to its recipient only, and deletes it once it is acknowledged', async () => {
		clock.set(at('08:58:00'));
		const citizen = await enter('citizen');
		const agent = await enter('official');
		const found = await appointment();
		const offer = { type: 'offer', connection: 'c1', sdp: 'v=0' };
		await calls.send(db(), found, agent.pass, citizen.participant.id, offer);
		const news = await calls.inbox(db(), found, citizen.pass, { ack: [], waitMs: 0 });
		expect(news.signals).toEqual([
			{ id: expect.any(Number), from: agent.participant.id, payload: offer }
		]);
		const own = await calls.inbox(db(), found, agent.pass, { ack: [], waitMs: 0 });
		expect(own.signals).toEqual([]);
		await calls.inbox(db(), found, citizen.pass, {
			ack: news.signals.map((s) => s.id),
			known: news.version,
			waitMs: 0
		});
		expect(await db().select().from(callSignals)).toEqual([]);
	});

	it('delivers a signal to a browser that waits for news', async () => {
		clock.set(at('08:58:00'));
		const citizen = await enter('citizen');
		const agent = await enter('official');
		const found = await appointment();
		const { version } = await calls.inbox(db(), found, citizen.pass, { ack: [], waitMs: 0 });
		const waiting = calls.inbox(db(), found, citizen.pass, {
			ack: [],
			known: version,
			waitMs: 20_000
		});
		await calls.send(db(), found, agent.pass, citizen.participant.id, {
			type: 'restart',
			connection: 'c1'
		});
		expect((await waiting).signals).toHaveLength(1);
	});

	it('refuses a browser that left (PARTICIPANT_LEFT), and sends nothing for it', async () => {
		clock.set(at('08:58:00'));
		const citizen = await enter('citizen');
		const agent = await enter('official');
		const found = await appointment();
		await calls.report(db(), found, citizen.pass, { left: true });
		expect(
			await refusalOf(calls.inbox(db(), found, citizen.pass, { ack: [], waitMs: 0 }))
		).toMatchObject({ code: 'PARTICIPANT_LEFT' });
		expect(
			await refusalOf(
				calls.send(db(), found, agent.pass, citizen.participant.id, {
					type: 'restart',
					connection: 'c1'
				})
			)
		).toMatchObject({ code: 'PARTICIPANT_NOT_FOUND' });
		const { participants } = await calls.state(db(), found);
		expect(participants.find((p) => p.role === 'citizen')).toMatchObject({
			leftAt: '2030-02-05T08:58:00-05:00',
			present: false
		});
	});

	it('answers CALL_NOT_FOUND when the appointment is deleted while a signal is being stored', async () => {
		clock.set(at('08:58:00'));
		const citizen = await enter('citizen');
		const agent = await enter('official');
		const found = await appointment();
		// The deletion lands between the send's checks and its row: a trigger runs it at the insert
		// (and the failed insert undoes it, where another session's deletion would stay).
		await db().execute(
			sql.raw(`create function vt_test_vanish() returns trigger language plpgsql as $$
				begin delete from appointments where id = new.appointment_id; return new; end $$`)
		);
		await db().execute(
			sql.raw(`create trigger vt_test_vanish before insert on call_signals
				for each row execute function vt_test_vanish()`)
		);
		try {
			expect(
				await refusalOf(
					calls.send(db(), found, agent.pass, citizen.participant.id, {
						type: 'restart',
						connection: 'c1'
					})
				)
			).toMatchObject({ code: 'CALL_NOT_FOUND' });
		} finally {
			await db().execute(sql.raw('drop trigger vt_test_vanish on call_signals'));
			await db().execute(sql.raw('drop function vt_test_vanish()'));
		}
		expect(await db().select().from(callSignals)).toEqual([]);
	});
});

describe('attendance from the join log', () => {
	it('records attended once the citizen and the official report each other, with the join log', async () => {
		clock.set(at('08:58:00'));
		const citizen = await enter('citizen');
		clock.set(at('09:00:00'));
		const agent = await enter('official');
		const found = await appointment();
		await calls.report(db(), found, citizen.pass, { connectedWith: agent.participant.id });
		expect((await appointment()).status).toBe('booked');
		const state = await calls.report(db(), found, agent.pass, {
			connectedWith: citizen.participant.id
		});
		expect(state.status).toBe('attended');
		expect(state.phase).toBe('open');
		const [row] = await db()
			.select()
			.from(auditLog)
			.where(eq(auditLog.action, 'appointment.attended'));
		expect(row).toMatchObject({ actor: 'agente@example.org', subject: reference });
		expect(row!.data).toMatchObject({
			automatic: true,
			joinLog: [
				{ role: 'citizen', joinedAt: '2030-02-05T08:58:00-05:00' },
				{ role: 'official', joinedAt: '2030-02-05T09:00:00-05:00' }
			]
		});
	});

	it('does not count a citizen connected only with the interpreter', async () => {
		clock.set(at('08:58:00'));
		const citizen = await enter('citizen');
		const interpreter = await enter('interpreter');
		const found = await appointment();
		await calls.report(db(), found, citizen.pass, { connectedWith: interpreter.participant.id });
		await calls.report(db(), found, interpreter.pass, { connectedWith: citizen.participant.id });
		expect((await appointment()).status).toBe('booked');
	});

	it('records attended once when both reports arrive together', async () => {
		clock.set(at('09:00:00'));
		const citizen = await enter('citizen');
		const agent = await enter('official');
		const found = await appointment();
		await Promise.all([
			calls.report(db(), found, citizen.pass, { connectedWith: agent.participant.id }),
			calls.report(db(), found, agent.pass, { connectedWith: citizen.participant.id })
		]);
		expect((await appointment()).status).toBe('attended');
		const rows = await db()
			.select()
			.from(auditLog)
			.where(eq(auditLog.action, 'appointment.attended'));
		expect(rows).toHaveLength(1);
	});

	it('refuses "No asistió" once the join log shows the citizen entered', async () => {
		clock.set(at('09:01:00'));
		const citizen = await enter('citizen');
		await calls.report(db(), await appointment(), citizen.pass, { left: true });
		clock.set(at('09:06:00'));
		const refused = await refusalOf(
			appointments.recordOutcome(db(), reference, 'no_show', official)
		);
		expect(refused).toMatchObject({ code: 'CITIZEN_JOINED' });
	});

	it('records "No asistió" with the join log as evidence when the citizen never entered', async () => {
		clock.set(at('08:57:00'));
		await enter('official');
		clock.set(at('09:05:00'));
		expect((await calls.state(db(), await appointment())).noShowAvailable).toBe(true);
		await appointments.recordOutcome(db(), reference, 'no_show', official);
		const [row] = await db()
			.select()
			.from(auditLog)
			.where(eq(auditLog.action, 'appointment.no_show'));
		expect(row!.data).toMatchObject({
			joinLog: [{ role: 'official', joinedAt: '2030-02-05T08:57:00-05:00' }]
		});
		expect(await calls.state(db(), await appointment())).toMatchObject({
			phase: 'ended',
			reason: 'closed'
		});
	});

	it('asks a citizen who waited in vain to choose a new time, not a no-show', async () => {
		clock.set(at('09:02:00'));
		await enter('citizen');
		clock.set(at('09:30:00'));
		expect(await appointments.closeStale(db())).toBe(1);
		expect((await appointment()).status).toBe('reschedule_needed');
		const mails = await db()
			.select()
			.from(outbox)
			.where(eq(outbox.kind, 'appointment.reschedule_needed'));
		expect(mails).toHaveLength(1);
	});
});

describe('links to the room', () => {
	it('carry the reference and a key, and no personal data', async () => {
		const found = await appointment();
		const link = videoLink(found);
		expect(link).toBe(citizenRoomUrl(found));
		expect(link).toMatch(new RegExp(`/es/citas/sala/${reference}\\?llave=[\\w-]{32}$`));
		for (const personal of ['Ana', 'Epieyú', 'ana@example.com', '40123456']) {
			expect(decodeURIComponent(link)).not.toContain(personal);
		}
	});

	it('stop working when the manage token is replaced after a failed connection', async () => {
		const before = await appointment();
		const key = new URL(videoLink(before)).searchParams.get('llave')!;
		clock.set(at('09:02:00'));
		await appointments.recordOutcome(db(), reference, 'connection_failed', official);
		const after = await appointment();
		expect(roomKeyMatches(key, before.manageTokenHash)).toBe(true);
		expect(roomKeyMatches(key, after.manageTokenHash)).toBe(false);
	});

	it("keep the entity's external link with VIDEO_PROVIDER=external", async () => {
		const found = await appointment();
		expect(found.videoUrl).toMatch(/^https:\/\/meet\.demo\.ventanilla\.gov\.co\/cita\//);
		expect(videoLink(found, { provider: 'external' })).toBe(found.videoUrl);
	});

	it('are what the API and the emails give the citizen', async () => {
		const found = await appointment();
		expect(appointments.view(found).videoUrl).toBe(citizenRoomUrl(found));
		// The booking's one email (the link to confirm it) already carries the room's link.
		const [email] = await db().select().from(outbox).where(eq(outbox.kind, 'appointment.held'));
		const text = await emailText(email!);
		expect(text).toContain(citizenRoomUrl(found));
		expect(text).toContain('/es/citas/probar');
	});
});

describe('retention', () => {
	it('drops the signals of calls that ended, and the join log with the personal data', async () => {
		clock.set(at('09:00:00'));
		const citizen = await enter('citizen');
		const agent = await enter('official');
		await calls.send(db(), await appointment(), agent.pass, citizen.participant.id, {
			type: 'restart',
			connection: 'c1'
		});
		clock.set(at('09:30:00'));
		expect(await calls.purge(db())).toBe(1);
		expect(await calls.forget(db())).toBe(0);
		await db()
			.update(table)
			.set({ anonymisedAt: clock.now() })
			.where(eq(table.reference, reference));
		expect(await calls.forget(db())).toBe(2);
	});
});
