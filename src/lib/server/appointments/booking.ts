import { randomBytes, randomUUID } from 'node:crypto';
import { and, asc, eq, gt, inArray, sql } from 'drizzle-orm';
import { entity } from '$lib/config/entity';
import { POLICY_VERSION, type BookingInput } from '$lib/domain/appointments';
import { formatInstant } from '$lib/domain/calendar';
import { referenceFrom, slotEnd } from '$lib/domain/slots';
import { clock } from '../clock';
import { randomToken, seal, unseal } from '../crypto';
import type { Database } from '../db';
import { appointments as table } from '../db/schema';
import { enqueue } from '../email/outbox';
import { DomainError } from '../errors';
import { once, type Transaction } from '../idempotency';
import { clientOf } from '../rate-limit';
import { appointmentEmail } from './emails';
import { takePlaceOrExpired, within } from './holds';
import { rules, type Booked } from './model';
import { offeredStart, orNearest } from './slots';
import { nonWorkingDays } from '../non-working-days';
import { confirmTokenHash, issueToken, newToken } from './tokens';

export interface BookOptions {
	locale: string;
	idempotencyKey?: string | null;
	/** The client address the booking comes from: bookings count against it. */
	client: string;
}

/**
 * Counts the booking against its client address (and, with a phone only, against the stricter
 * limits of the address and of the phone), in the booking's transaction: before the place is
 * taken, and taken back with everything else if the booking fails.
 */
async function countBooking(tx: Transaction, input: BookingInput, client: string): Promise<void> {
	const limits = entity.limits.booking;
	const from = clientOf(client);
	await within(tx, `booking:client:${from}`, limits.perClient, 'BOOKING_LIMITED');
	if (input.email) return;
	await within(
		tx,
		`booking-phone:client:${from}`,
		limits.phoneOnlyPerClient,
		'PHONE_BOOKING_LIMITED'
	);
	await within(
		tx,
		`booking-phone:phone:${input.phone}`,
		limits.phoneOnlyPerPhone,
		'PHONE_BOOKING_LIMITED'
	);
}

/** Whether an error is PostgreSQL's unique violation on the reference (a one-in-a-billion clash). */
function referenceClash(error: unknown): boolean {
	const cause = (error as { cause?: { code?: string } })?.cause ?? error;
	return (cause as { code?: string })?.code === '23505';
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
	const now = clock.now();
	// Everything that needs no database is prepared first, so locks are held for as short as possible.
	const held = Boolean(input.email);
	const draft = {
		id: randomUUID(),
		reference: referenceFrom(randomBytes(6)),
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
		? await appointmentEmail(
				'held',
				{ ...draft, email: input.email, manageTokenHash },
				token,
				confirmToken
			)
		: undefined;
	const { result, replayed } = await orNearest(db, start, (full) =>
		once(
			db,
			'appointments.book',
			options.idempotencyKey ?? null,
			{ ...input, locale: options.locale },
			async (tx) => {
				// One booking at a time per document, so two tabs cannot both pass the limit.
				await tx.execute(
					sql`select pg_advisory_xact_lock(hashtext(${`appointments:${input.documentType}:${input.documentNumber}`}))`
				);
				const [{ count } = { count: 0 }] = await tx
					.select({ count: sql<number>`count(*)::int` })
					.from(table)
					.where(pendingOf(input));
				if (count >= entity.appointments.maxFutureAppointmentsPerPerson) {
					throw new DomainError('TOO_MANY_APPOINTMENTS', {
						values: { max: entity.appointments.maxFutureAppointmentsPerPerson, count }
					});
				}
				await countBooking(tx, input, options.client);
				await nonWorkingDays.refuseClosed(tx, start);
				if (!(await takePlaceOrExpired(tx, start))) full();
				await tx.insert(table).values({
					...draft,
					topic: input.topic,
					documentType: input.documentType,
					documentNumber: input.documentNumber,
					phone: input.phone ?? null,
					description: input.description,
					accessibilityNeeds: input.accessibilityNeeds,
					preferential: input.preferential,
					consentAt: now,
					policyVersion: POLICY_VERSION,
					manageTokenHash,
					manageTokenSealed,
					confirmTokenHash: held ? confirmTokenHash(confirmToken) : null
				});
				// The link to confirm goes to an address nobody confirmed yet: it counts against the
				// address's few unconfirmed emails of the day, and past them the booking is refused.
				if (email && !(await enqueue(tx, email, { unconfirmed: true }))) {
					throw new DomainError('EMAIL_LIMITED', {
						values: { max: entity.limits.unconfirmedEmailsPerRecipient.max }
					});
				}
				// Kept for replays of the same key: the token only sealed, never readable.
				return {
					reference: draft.reference,
					start: formatInstant(start),
					end: formatInstant(draft.end),
					status: draft.status,
					...(draft.holdExpiresAt ? { holdExpiresAt: formatInstant(draft.holdExpiresAt) } : {}),
					sealedToken: seal('appointment-manage', token)
				};
			}
		)
	);
	const { sealedToken, ...booked } = result;
	return { ...booked, manageToken: unseal('appointment-manage', sealedToken), replayed };
}
