import { randomUUID } from 'node:crypto';
import { and, asc, eq, gt, inArray, sql } from 'drizzle-orm';
import { entity, type Allowance } from '$lib/config/entity';
import { POLICY_VERSION, type BookingInput } from '$lib/domain/appointments';
import { formatInstant } from '$lib/domain/calendar';
import { localDate } from '$lib/domain/local-time';
import { referenceFrom, slotEnd } from '$lib/domain/slots';
import { clock } from '../clock';
import { random, randomToken, unseal } from '../crypto';
import type { Database } from '../db';
import { rowsOf, sqlStateOf } from '../db/call';
import { appointments as table } from '../db/schema';
import { mailbox } from '../email/outbox';
import { DomainError } from '../errors';
import { fingerprint, idempotencyKeyValid } from '../idempotency';
import { clientOf, rateLimit } from '../rate-limit';
import { emailToWrite } from './emails';
import { rules, type Booked } from './model';
import { dayClosed, forgetCounts, offeredStart, orNearest } from './slots';
import { confirmTokenHash, issueToken, newToken } from './tokens';

export interface BookOptions {
	locale: string;
	idempotencyKey?: string | null;
	/** The client address the booking comes from: bookings count against it. */
	client: string;
}

/** A counter the booking counts against, as vt_book takes it. */
interface Counter {
	bucket: string;
	max: number;
	windowSeconds: number;
	code: 'BOOKING_LIMITED' | 'PHONE_BOOKING_LIMITED';
}

/**
 * The counters a booking counts against, in the order vt_book takes them: its client address,
 * and with a phone only the stricter limits of the address and of the phone. Each window of an
 * allowance is its own bucket (as holds.ts `within`).
 */
function countersOf(input: BookingInput, client: string): Counter[] {
	const limits = entity.limits.booking;
	const from = clientOf(client);
	const of = (bucket: string, allowances: Allowance[], code: Counter['code']) =>
		allowances.map((allowance) => ({
			bucket: rateLimit.key(`${bucket}:${allowance.minutes}`),
			max: allowance.max,
			windowSeconds: allowance.minutes * 60,
			code
		}));
	return [
		...of(`booking:client:${from}`, limits.perClient, 'BOOKING_LIMITED'),
		...(input.email
			? []
			: [
					...of(`booking-phone:client:${from}`, limits.phoneOnlyPerClient, 'PHONE_BOOKING_LIMITED'),
					...of(
						`booking-phone:phone:${input.phone}`,
						limits.phoneOnlyPerPhone,
						'PHONE_BOOKING_LIMITED'
					)
				])
	];
}

/** The answer a booking keeps for replays of its key: the manage token only sealed. */
type Answer = Omit<Booked, 'manageToken'> & { sealedToken: string };

/** A refusal vt_book raised ('vt:<CODE>', its figures as JSON in DETAIL), or undefined. */
function refusalOf(
	error: unknown
): { code: string; detail: Record<string, number> & { reason?: string } } | undefined {
	let current = error;
	for (let depth = 0; current instanceof Error && depth < 5; depth++) {
		const match = /^vt:([A-Z_]+)$/.exec(current.message);
		if (match) {
			const detail = (current as { detail?: string }).detail;
			return { code: match[1]!, detail: detail ? JSON.parse(detail) : {} };
		}
		current = current.cause;
	}
	return undefined;
}

/** The service's refusal for one vt_book raised, with the same figures as before. */
function refused(
	start: Date,
	{ code, detail }: { code: string; detail: Record<string, number> & { reason?: string } }
): DomainError {
	switch (code) {
		case 'DAY_CLOSED':
			return dayClosed(start, { date: localDate(start), kind: 'closure', reason: detail.reason! });
		case 'TOO_MANY_APPOINTMENTS':
			return new DomainError(code, { values: { max: detail.max!, count: detail.count! } });
		case 'BOOKING_LIMITED':
		case 'PHONE_BOOKING_LIMITED':
			return new DomainError(code, {
				values: { minutes: Math.ceil(detail.retryAfter! / 60), max: detail.max! },
				retryAfter: detail.retryAfter!
			});
		case 'EMAIL_LIMITED':
			return new DomainError(code, { values: { max: detail.max! } });
		default:
			return new DomainError('IDEMPOTENCY_KEY_REUSED');
	}
}

/** Whether an error is PostgreSQL's unique violation on the reference (a one-in-a-billion clash). */
function referenceClash(error: unknown): boolean {
	return sqlStateOf(error) === '23505';
}

/** The appointments still to come of the person with this document. */
function pendingOf(who: { documentType: string; documentNumber: string }) {
	return and(
		eq(table.documentType, who.documentType),
		eq(table.documentNumber, who.documentNumber),
		// A hold counts too: it takes a place until it is confirmed or returns.
		inArray(table.status, ['booked', 'held']),
		gt(table.start, clock.now())
	);
}

/** The person who books, as the details step knows them. */
export interface Booker {
	documentType: string;
	documentNumber: string;
	email?: string | null;
	phone?: string | null;
}

/**
 * The limit of pending appointments, checked as soon as the document is typed: refuses
 * TOO_MANY_APPOINTMENTS with the count, and (in `extra.mine`) the reference and start of each
 * pending appointment booked with the same email or phone. Only those: whoever knows a document
 * number must not learn the references that, with it, open someone else's appointments.
 */
export async function checkLimit(db: Database, who: Booker): Promise<void> {
	const max = entity.appointments.maxFutureAppointmentsPerPerson;
	const pending = await db.select().from(table).where(pendingOf(who)).orderBy(asc(table.start));
	if (pending.length < max) return;
	const same = (kept: string | null, typed?: string | null) =>
		!!kept && !!typed && kept.toLowerCase() === typed.toLowerCase();
	const mine = pending
		.filter((row) => same(row.email, who.email) || same(row.phone, who.phone))
		.map((row) => ({ reference: row.reference, start: formatInstant(row.start) }));
	throw new DomainError('TOO_MANY_APPOINTMENTS', {
		values: { max, count: pending.length },
		extra: { mine }
	});
}

/**
 * Books a place. With an email the booking is `held` until confirmed through the emailed link
 * (entity.limits.booking.holdMinutes), then its place returns by itself; with a phone only it is
 * `booked` at once and marked for a confirmation call. Refuses SLOT_UNAVAILABLE,
 * TOO_MANY_APPOINTMENTS, SLOT_NOT_OFFERED, BOOKING_LIMITED, PHONE_BOOKING_LIMITED or EMAIL_LIMITED.
 */
export async function book(
	db: Database,
	input: BookingInput,
	options: BookOptions
): Promise<Booked & { replayed: boolean }> {
	for (let attempt = 1; ; attempt += 1) {
		try {
			return await bookOnce(db, input, options);
		} catch (error) {
			if (attempt >= 3 || !referenceClash(error)) throw error;
		}
	}
}

async function bookOnce(
	db: Database,
	input: BookingInput,
	options: BookOptions
): Promise<Booked & { replayed: boolean }> {
	const start = offeredStart(input.start);
	if (options.idempotencyKey != null && !idempotencyKeyValid(options.idempotencyKey)) {
		throw new DomainError('IDEMPOTENCY_KEY_INVALID');
	}
	const now = clock.now();
	// Everything that needs no database is prepared first, so locks are held for as short as possible.
	const held = Boolean(input.email);
	const draft = {
		id: randomUUID(),
		reference: referenceFrom(random(6)),
		start,
		end: slotEnd(start, rules),
		locale: options.locale,
		name: input.name,
		email: input.email ?? null,
		videoUrl: `${entity.appointments.videoCallBaseUrl}/${randomToken(12)}`,
		callLanguage: input.callLanguage,
		interpreter: input.callLanguage === 'guc',
		sequence: 0,
		status: held ? ('held' as const) : ('booked' as const),
		holdExpiresAt: held
			? new Date(now.getTime() + entity.limits.booking.holdMinutes * 60_000)
			: null,
		confirmationCall: !held
	};
	const { token, manageTokenHash, manageTokenSealed } = issueToken();
	const confirmToken = newToken();
	// The email's room link is made from the token's hash (calls/links.ts).
	const email = input.email
		? emailToWrite('held', { ...draft, email: input.email, manageTokenHash }, token, confirmToken)
		: undefined;
	// Kept for replays of the same key: the token only sealed, never readable (as the row keeps it,
	// for the same purpose: one encryption, not two).
	const answer: Answer = {
		reference: draft.reference,
		start: formatInstant(start),
		end: formatInstant(draft.end),
		status: draft.status,
		...(draft.holdExpiresAt ? { holdExpiresAt: formatInstant(draft.holdExpiresAt) } : {}),
		sealedToken: manageTokenSealed
	};
	const unconfirmed = entity.limits.unconfirmedEmailsPerRecipient;
	// Everything in one statement (vt_book, drizzle/0008_booking_function.sql): the key, the
	// document's lock and limit, the counters, the place (or the slot's expired holds), the row,
	// the email and the kept answer, one round trip instead of a dozen.
	const booking = {
		now: now.toISOString(),
		scope: 'appointments.book',
		key: options.idempotencyKey ?? null,
		requestHash: fingerprint({ ...input, locale: options.locale }),
		documentType: input.documentType,
		documentNumber: input.documentNumber,
		// A closure approved on another instance before this one reloaded its list is refused there.
		day: localDate(start),
		maxPending: entity.appointments.maxFutureAppointmentsPerPerson,
		capacity: entity.appointments.slotCapacity,
		limits: countersOf(input, options.client),
		// The row, by column name (jsonb_populate_record).
		appointment: {
			id: draft.id,
			reference: draft.reference,
			status: draft.status,
			locale: draft.locale,
			name: draft.name,
			email: draft.email,
			interpreter: draft.interpreter,
			sequence: draft.sequence,
			start: start.toISOString(),
			end: draft.end.toISOString(),
			hold_expires_at: draft.holdExpiresAt?.toISOString() ?? null,
			video_url: draft.videoUrl,
			call_language: draft.callLanguage,
			confirmation_call: draft.confirmationCall,
			topic: input.topic,
			document_type: input.documentType,
			document_number: input.documentNumber,
			phone: input.phone ?? null,
			description: input.description ?? '',
			accessibility_needs: input.accessibilityNeeds ?? '',
			preferential: input.preferential ?? [],
			consent_at: now.toISOString(),
			policy_version: POLICY_VERSION,
			manage_token_hash: manageTokenHash,
			manage_token_sealed: manageTokenSealed,
			confirm_token_hash: held ? confirmTokenHash(confirmToken) : null
		},
		email: email
			? {
					...email,
					bucket: rateLimit.key(`email-unconfirmed:${mailbox(email.to)}`),
					max: unconfirmed.max,
					windowSeconds: unconfirmed.minutes * 60
				}
			: null,
		result: answer
	};
	const { result, replayed } = await orNearest(db, start, async (full) => {
		forgetCounts();
		try {
			const [row] = await rowsOf<{ booked: { replayed: boolean; result: Answer } }>(
				db,
				sql`select vt_book(${JSON.stringify(booking)}::jsonb) as booked`
			);
			return row!.booked;
		} catch (error) {
			const refusal = refusalOf(error);
			if (!refusal) throw error;
			if (refusal.code === 'SLOT_UNAVAILABLE') full();
			throw refused(start, refusal);
		} finally {
			forgetCounts();
		}
	});
	const { sealedToken, ...booked } = result;
	// A replay opens the token it kept; the first answer has it at hand.
	return {
		...booked,
		manageToken: replayed ? unseal('appointment-manage', sealedToken) : token,
		replayed
	};
}
