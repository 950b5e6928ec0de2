import { and, asc, eq, inArray, lt, or, sql } from 'drizzle-orm';
import type { CallState, ParticipantView } from '$lib/domain/calls';
import { formatInstant } from '$lib/domain/calendar';
import { dateInWords, timeInWords } from '$lib/domain/dates-in-words';
import { isReference, normaliseReference } from '$lib/domain/slots';
import { entity } from '$lib/config/entity';
import { appointments, type Appointment } from '../appointments';
import { audit } from '../audit';
import { clock } from '../clock';
import { config } from '../config';
import { hash, keyedHash, randomToken } from '../crypto';
import type { Database } from '../db';
import { sqlStateOf } from '../db/call';
import {
	appointments as appointmentsTable,
	callParticipants,
	callRooms,
	callSignals,
	type CallRole
} from '../db/schema';
import { composeEmail } from '../email/compose';
import { enqueue } from '../email/outbox';
import { DomainError, isDomainError } from '../errors';
import type { Transaction } from '../idempotency';
import { recordAttended } from './attendance';
import { iceServers, type IceServer } from './ice';
import { interpreterUrl } from './links';
import {
	bothConnected,
	citizenJoined,
	evidence,
	joinLog,
	leftAt,
	present,
	type JoinLogEntry
} from './join-log';
import { passes, type ParticipantPass, type RoomPass } from './passes';
import { callTimes, phaseOf, timesView } from './phase';
import { wakeups } from './wakeups';

export { passes } from './passes';
export type { ParticipantPass, RoomPass } from './passes';

type Room = typeof callRooms.$inferSelect;
export type { CallState, ParticipantView };

/** How long a request for news waits when nothing happens, and how often it looks meanwhile. */
export const WAIT_MS = 8000;
const LOOK_MS = 2000;
/** Signals nobody collected are dropped after this long (a closed tab, a lost browser). */
const SIGNAL_TTL_MS = 10 * 60_000;
/** One browser cannot flood another's inbox, nor one link fill a room with browsers. */
const MAX_PENDING_SIGNALS = 400;
const MAX_PRESENT = 12;

export interface Signal {
	id: number;
	from: string;
	payload: unknown;
}

async function appointmentById(db: Database, id: string): Promise<Appointment> {
	const [found] = await db.select().from(appointmentsTable).where(eq(appointmentsTable.id, id));
	if (!found) throw new DomainError('CALL_NOT_FOUND');
	return found;
}

async function roomOf(db: Database, appointmentId: string): Promise<Room | undefined> {
	const [room] = await db
		.select()
		.from(callRooms)
		.where(eq(callRooms.appointmentId, appointmentId));
	return room;
}

function participantView(entry: JoinLogEntry, now: Date): ParticipantView {
	const left = leftAt(entry, now);
	return {
		id: entry.id,
		role: entry.role,
		joinedAt: formatInstant(entry.joinedAt),
		leftAt: left ? formatInstant(left) : null,
		present: present(entry, now),
		connected: !!entry.connectedAt
	};
}

async function stateOf(db: Database, appointment: Appointment): Promise<CallState> {
	const now = clock.now();
	const [room, log] = await Promise.all([roomOf(db, appointment.id), joinLog(db, appointment.id)]);
	const { phase, reason } = phaseOf(appointment, room, now);
	const times = callTimes(appointment);
	const joined = citizenJoined(log);
	return {
		phase,
		reason: reason ?? null,
		status: appointment.status,
		times: timesView(times),
		audioOnly: room?.audioOnly ?? false,
		audioOnlyBy: room?.audioOnlyBy ?? null,
		participants: log.map((entry) => participantView(entry, now)),
		citizenJoined: joined,
		citizenWaiting: log.some((e) => e.role === 'citizen' && present(e, now)),
		waitOver: now >= times.waitUntil,
		noShowAvailable: appointment.status === 'booked' && !joined && now >= times.waitUntil
	};
}

/** A short fingerprint of a state, so a browser can ask "tell me when this changes". */
export function versionOf(state: CallState): string {
	return hash(JSON.stringify(state)).slice(0, 16);
}

function assertLive(state: CallState, appointment: Appointment): void {
	if (state.phase === 'before') {
		throw new DomainError('ROOM_NOT_OPEN', {
			values: { time: timeInWords(callTimes(appointment).opensAt) },
			extra: { opensAt: state.times.opensAt }
		});
	}
	if (state.reason === 'unconfirmed') throw new DomainError('APPOINTMENT_NOT_CONFIRMED');
	if (state.phase === 'ended') throw new DomainError('CALL_ENDED');
}

/** Waits until `ready` gives an answer, something changes in the call, or the wait is over. */
async function waitFor<T>(
	appointmentId: string,
	ready: () => Promise<T | undefined>,
	waitMs: number,
	signal?: AbortSignal
): Promise<T | undefined> {
	const deadline = Date.now() + waitMs;
	for (;;) {
		const found = await ready();
		const left = deadline - Date.now();
		if (found !== undefined || left <= 0 || signal?.aborted) return found;
		await wakeups.wait(appointmentId, Math.min(left, LOOK_MS), signal);
	}
}

async function participantRow(db: Database, pass: ParticipantPass) {
	const [row] = await db
		.select()
		.from(callParticipants)
		.where(
			and(
				eq(callParticipants.id, pass.participantId),
				eq(callParticipants.appointmentId, pass.appointmentId)
			)
		);
	if (!row || row.leftAt) throw new DomainError('PARTICIPANT_LEFT');
	return row;
}

/** A browser still in a call that still goes on: what sending and switching need. */
async function liveParticipant(db: Database, appointment: Appointment, pass: ParticipantPass) {
	await participantRow(db, pass);
	assertLive(await stateOf(db, appointment), appointment);
}

async function touch(db: Database, participantId: string): Promise<void> {
	await db
		.update(callParticipants)
		.set({ lastSeenAt: clock.now() })
		.where(eq(callParticipants.id, participantId));
}

function interpreterKeyHash(key: string): string {
	return keyedHash(`call-interpreter:${key}`);
}

/** Creates or updates the shared settings of a call. */
async function setRoom(
	db: Database | Transaction,
	appointmentId: string,
	values: Partial<Omit<Room, 'appointmentId'>>
): Promise<void> {
	const set = { ...values, updatedAt: clock.now() };
	await db
		.insert(callRooms)
		.values({ appointmentId, ...set })
		.onConflictDoUpdate({ target: callRooms.appointmentId, set });
}

async function changed(db: Database, appointmentId: string): Promise<void> {
	await wakeups.notify(db, appointmentId);
}

export const calls = {
	enabled: (): boolean => config.calls.provider === 'builtin',

	/** The appointment of a call room's address; CALL_NOT_FOUND when there is none or the room is off. */
	async byReference(db: Database, rawReference: string): Promise<Appointment> {
		const reference = normaliseReference(rawReference);
		if (!calls.enabled() || !isReference(reference)) throw new DomainError('CALL_NOT_FOUND');
		return appointments.byReference(db, reference).catch((error: unknown) => {
			throw isDomainError(error, 'APPOINTMENT_NOT_FOUND')
				? new DomainError('CALL_NOT_FOUND')
				: error;
		});
	},

	/** A pass for a room page's script: who it is for, valid until an hour after the call's end. */
	pass(appointment: Appointment, role: CallRole, staffUserId?: string): string {
		const until = appointment.end.getTime() + 3600_000;
		return passes.room.issue({ appointmentId: appointment.id, role, staffUserId, until });
	},

	/** The room pass presented by a browser, for the appointment of the address it used. */
	readPass(token: string | null | undefined, appointment: Appointment): RoomPass {
		const pass = passes.room.read(token, clock.now());
		if (!pass || pass.appointmentId !== appointment.id) throw new DomainError('CALL_PASS_INVALID');
		return pass;
	},

	/** A joined browser's token; `participantId`, when given, must be the one it was issued for. */
	readParticipant(
		token: string | null | undefined,
		appointment: Appointment,
		participantId?: string
	): ParticipantPass {
		const pass = passes.participant.read(token);
		if (
			!pass ||
			pass.appointmentId !== appointment.id ||
			(participantId !== undefined && pass.participantId !== participantId)
		) {
			throw new DomainError('CALL_PASS_INVALID');
		}
		return pass;
	},

	state: (db: Database, appointment: Appointment) => stateOf(db, appointment),

	/** The state once it differs from the version the browser knows (or after the wait). */
	async watch(
		db: Database,
		appointment: Appointment,
		known: string | undefined,
		options: { waitMs?: number; signal?: AbortSignal } = {}
	): Promise<{ state: CallState; version: string }> {
		let last: { state: CallState; version: string } | undefined;
		await waitFor(
			appointment.id,
			async () => {
				const current = await appointmentById(db, appointment.id);
				const state = await stateOf(db, current);
				last = { state, version: versionOf(state) };
				return last.version !== known ? last : undefined;
			},
			options.waitMs ?? WAIT_MS,
			options.signal
		);
		return last!;
	},

	/** Enters the room: a row in the join log, a pass for signalling and the ICE servers to use. */
	async join(
		db: Database,
		appointment: Appointment,
		pass: RoomPass
	): Promise<{
		participant: { id: string; token: string };
		iceServers: IceServer[];
		iceTransportPolicy: 'all' | 'relay';
		state: CallState;
		version: string;
	}> {
		const before = await stateOf(db, appointment);
		assertLive(before, appointment);
		if (before.participants.filter((p) => p.present).length >= MAX_PRESENT) {
			throw new DomainError('ROOM_FULL');
		}
		const [row] = await db
			.insert(callParticipants)
			.values({
				appointmentId: appointment.id,
				role: pass.role,
				staffUserId: pass.role === 'official' ? (pass.staffUserId ?? null) : null
			})
			.returning();
		await changed(db, appointment.id);
		const state = await stateOf(db, appointment);
		return {
			participant: {
				id: row!.id,
				token: passes.participant.issue({
					participantId: row!.id,
					appointmentId: appointment.id,
					role: pass.role
				})
			},
			iceServers: iceServers(),
			iceTransportPolicy: config.calls.iceTransportPolicy,
			state,
			version: versionOf(state)
		};
	},

	/**
	 * A joined browser's news: the signals other browsers sent it, and the room's state once it
	 * differs from `known`. Acknowledged signals are deleted first; asking is being present.
	 */
	async inbox(
		db: Database,
		appointment: Appointment,
		pass: ParticipantPass,
		options: { ack: number[]; known?: string; waitMs?: number; signal?: AbortSignal }
	): Promise<{ signals: Signal[]; state: CallState; version: string }> {
		await participantRow(db, pass);
		if (options.ack.length) {
			await db
				.delete(callSignals)
				.where(
					and(eq(callSignals.recipient, pass.participantId), inArray(callSignals.id, options.ack))
				);
		}
		await touch(db, pass.participantId);
		let last: { signals: Signal[]; state: CallState; version: string } | undefined;
		await waitFor(
			appointment.id,
			async () => {
				const rows = await db
					.select()
					.from(callSignals)
					.where(eq(callSignals.recipient, pass.participantId))
					.orderBy(asc(callSignals.id))
					.limit(100);
				const current = await appointmentById(db, appointment.id);
				const state = await stateOf(db, current);
				const signals = rows.map((r) => ({ id: r.id, from: r.sender, payload: r.payload }));
				last = { signals, state, version: versionOf(state) };
				const news = signals.length > 0 || last.version !== options.known;
				return news || state.phase === 'ended' ? last : undefined;
			},
			options.waitMs ?? WAIT_MS,
			options.signal
		);
		await touch(db, pass.participantId);
		return last!;
	},

	/** Passes a signal to another browser in the same call. */
	async send(
		db: Database,
		appointment: Appointment,
		pass: ParticipantPass,
		to: string,
		payload: unknown
	): Promise<void> {
		await liveParticipant(db, appointment, pass);
		const [recipient] = await db
			.select({ id: callParticipants.id, leftAt: callParticipants.leftAt })
			.from(callParticipants)
			.where(and(eq(callParticipants.id, to), eq(callParticipants.appointmentId, appointment.id)));
		if (!recipient || recipient.leftAt) throw new DomainError('PARTICIPANT_NOT_FOUND');
		const [{ pending } = { pending: 0 }] = await db
			.select({ pending: sql<number>`count(*)::int` })
			.from(callSignals)
			.where(eq(callSignals.recipient, to));
		if (pending >= MAX_PENDING_SIGNALS) throw new DomainError('TOO_MANY_SIGNALS');
		await db
			.insert(callSignals)
			.values({ appointmentId: appointment.id, sender: pass.participantId, recipient: to, payload })
			.catch((error: unknown) => {
				// 23503: the appointment was deleted (and its participants with it) between the checks
				// above and this row. The call is gone, as it would have been a moment earlier.
				throw sqlStateOf(error) === '23503' ? new DomainError('CALL_NOT_FOUND') : error;
			});
		await changed(db, appointment.id);
	},

	/**
	 * What a browser reports of itself: that it has a working connection with `connectedWith` (the
	 * other side of the call), or that it left. When the citizen and an official have both reported
	 * a connection with each other, `attended` is recorded with the join log.
	 */
	async report(
		db: Database,
		appointment: Appointment,
		pass: ParticipantPass,
		report: { connectedWith?: string; left?: boolean }
	): Promise<CallState> {
		const me = await participantRow(db, pass);
		const now = clock.now();
		if (report.left) {
			await db
				.update(callParticipants)
				.set({ leftAt: now, lastSeenAt: now })
				.where(eq(callParticipants.id, me.id));
		} else if (report.connectedWith) {
			const attended = await db.transaction(async (tx) => {
				// One report at a time per call, so two that arrive together see each other.
				await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`call:${appointment.id}`}))`);
				const [other] = await tx
					.select({ role: callParticipants.role })
					.from(callParticipants)
					.where(
						and(
							eq(callParticipants.id, report.connectedWith!),
							eq(callParticipants.appointmentId, appointment.id)
						)
					);
				if (!other || other.role === me.role) throw new DomainError('PARTICIPANT_NOT_FOUND');
				// The citizen's connection that counts is the one with an official, and the other way round.
				const counts =
					me.role === 'interpreter' ||
					(me.role === 'citizen' && other.role === 'official') ||
					(me.role === 'official' && other.role === 'citizen');
				if (counts && !me.connectedAt) {
					await tx
						.update(callParticipants)
						.set({ connectedAt: now, lastSeenAt: now })
						.where(eq(callParticipants.id, me.id));
				}
				const log = await joinLog(tx, appointment.id);
				return bothConnected(log) ? log : undefined;
			});
			if (attended && appointment.status === 'booked') {
				const official = attended.find((e) => e.role === 'official' && e.connectedAt);
				await recordAttended(
					db,
					appointment.reference,
					official?.staffUserId ?? null,
					evidence(attended, now)
				);
			}
		}
		await changed(db, appointment.id);
		return stateOf(db, await appointmentById(db, appointment.id));
	},

	/** Switches the call to sound only (either side may), or back to video. */
	async setAudioOnly(
		db: Database,
		appointment: Appointment,
		pass: ParticipantPass,
		audioOnly: boolean
	): Promise<CallState> {
		await liveParticipant(db, appointment, pass);
		await setRoom(db, appointment.id, { audioOnly, audioOnlyBy: pass.role });
		await changed(db, appointment.id);
		return stateOf(db, appointment);
	},

	/** The official ends the call for everyone; the signals still waiting are dropped. */
	async end(db: Database, appointment: Appointment, actor: string): Promise<void> {
		const now = clock.now();
		await db.transaction(async (tx) => {
			await setRoom(tx, appointment.id, { endedAt: now });
			await tx.delete(callSignals).where(eq(callSignals.appointmentId, appointment.id));
			await audit(tx, { actor, action: 'call.ended', subject: appointment.reference });
		});
		await changed(db, appointment.id);
	},

	/**
	 * A new link for the interpreter (the previous one stops working), emailed to them in the same
	 * transaction. The audit row says that a link was sent, not to whom.
	 */
	async inviteInterpreter(
		db: Database,
		appointment: Appointment,
		email: string,
		actor: string
	): Promise<string> {
		const key = randomToken(18);
		const url = interpreterUrl(key);
		const values = {
			entity: entity.shortName,
			date: dateInWords(appointment.start),
			time: timeInWords(appointment.start),
			url
		};
		// In Spanish: the interpreter is the entity's contact, whatever the citizen's language.
		const message = await composeEmail(
			{ kind: 'call.interpreter', to: email, locale: 'es' },
			(t) => ({
				subject: t('calls:email.interpreter.subject', values),
				lines: [t('calls:email.interpreter.text', values)]
			})
		);
		await db.transaction(async (tx) => {
			await setRoom(tx, appointment.id, { interpreterKeyHash: interpreterKeyHash(key) });
			await enqueue(tx, message);
			await audit(tx, {
				actor,
				action: 'call.interpreter_invited',
				subject: appointment.reference
			});
		});
		return url;
	},

	/** The appointment an interpreter's link opens, if any. */
	async byInterpreterKey(db: Database, key: string): Promise<Appointment | undefined> {
		if (!/^[\w-]{16,64}$/.test(key)) return undefined;
		const [row] = await db
			.select({ appointment: appointmentsTable })
			.from(callRooms)
			.innerJoin(appointmentsTable, eq(appointmentsTable.id, callRooms.appointmentId))
			.where(eq(callRooms.interpreterKeyHash, interpreterKeyHash(key)));
		return row?.appointment;
	},

	/** The join logs of some appointments (by reference), for the agenda. */
	async joinLogs(db: Database, references: string[]): Promise<Map<string, ParticipantView[]>> {
		const result = new Map<string, ParticipantView[]>();
		if (references.length === 0) return result;
		const rows = await db
			.select({ reference: appointmentsTable.reference, entry: callParticipants })
			.from(callParticipants)
			.innerJoin(appointmentsTable, eq(appointmentsTable.id, callParticipants.appointmentId))
			.where(inArray(appointmentsTable.reference, references))
			.orderBy(asc(callParticipants.joinedAt), asc(callParticipants.id));
		const now = clock.now();
		for (const { reference, entry } of rows) {
			const list = result.get(reference) ?? [];
			list.push(participantView(entry, now));
			result.set(reference, list);
		}
		return result;
	},

	/** Closes what this instance keeps open for calls (the LISTEN connection), on shutdown. */
	close: (): Promise<void> => wakeups.close(),

	/** Drops signals nobody will read: of calls that ended, and any left uncollected for long. */
	async purge(db: Database): Promise<number> {
		const now = clock.now();
		const ended = db
			.select({ id: appointmentsTable.id })
			.from(appointmentsTable)
			.where(lt(appointmentsTable.end, now));
		const dropped = await db
			.delete(callSignals)
			.where(
				or(
					inArray(callSignals.appointmentId, ended),
					lt(callSignals.createdAt, new Date(now.getTime() - SIGNAL_TTL_MS))
				)
			)
			.returning({ id: callSignals.id });
		return dropped.length;
	},

	/**
	 * Under the appointments' retention: once an appointment's personal data is erased, its join
	 * log and room go too (the outcome stays for the indicators).
	 */
	async forget(db: Database): Promise<number> {
		const erased = db
			.select({ id: appointmentsTable.id })
			.from(appointmentsTable)
			.where(sql`${appointmentsTable.anonymisedAt} is not null`);
		await db.delete(callRooms).where(inArray(callRooms.appointmentId, erased));
		const gone = await db
			.delete(callParticipants)
			.where(inArray(callParticipants.appointmentId, erased))
			.returning({ id: callParticipants.id });
		return gone.length;
	}
};
