import { randomBytes, randomUUID } from 'node:crypto';
import { and, eq, gt, sql } from 'drizzle-orm';
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
import { once } from '../idempotency';
import { appointmentEmail } from './emails';
import { rules, type Booked } from './model';
import { offeredStart, orNearest, takePlace } from './slots';
import { newToken, tokenHash } from './tokens';

/** Whether an error is PostgreSQL's unique violation on the reference (a one-in-a-billion clash). */
function referenceClash(error: unknown): boolean {
	const cause = (error as { cause?: { code?: string } })?.cause ?? error;
	return (cause as { code?: string })?.code === '23505';
}

/** Books a place; refuses SLOT_UNAVAILABLE, TOO_MANY_APPOINTMENTS or SLOT_NOT_OFFERED. */
export async function book(
	db: Database,
	input: BookingInput,
	options: { locale: string; idempotencyKey?: string | null }
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
	options: { locale: string; idempotencyKey?: string | null }
): Promise<Booked & { replayed: boolean }> {
	const start = offeredStart(input.start);
	// Everything that needs no database is prepared first, so locks are held for as short as possible.
	const draft = {
		id: randomUUID(),
		reference: referenceFrom(randomBytes(6)),
		start,
		end: slotEnd(start, rules),
		locale: options.locale,
		name: input.name,
		email: input.email,
		videoUrl: `${entity.appointments.videoCallBaseUrl}/${randomToken(12)}`,
		sequence: 0,
		status: 'booked' as const
	};
	const token = newToken();
	const manageTokenHash = tokenHash(token);
	// The email's room link is made from the token's hash (calls/links.ts).
	const email = await appointmentEmail('confirmed', { ...draft, manageTokenHash }, token);
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
				const now = clock.now();
				const [{ count } = { count: 0 }] = await tx
					.select({ count: sql<number>`count(*)::int` })
					.from(table)
					.where(
						and(
							eq(table.documentType, input.documentType),
							eq(table.documentNumber, input.documentNumber),
							eq(table.status, 'booked'),
							gt(table.start, now)
						)
					);
				if (count >= entity.appointments.maxFutureAppointmentsPerPerson) {
					throw new DomainError('TOO_MANY_APPOINTMENTS', {
						values: { max: entity.appointments.maxFutureAppointmentsPerPerson }
					});
				}
				if (!(await takePlace(tx, start))) full();
				await tx.insert(table).values({
					...draft,
					topic: input.topic,
					documentType: input.documentType,
					documentNumber: input.documentNumber,
					phone: input.phone ?? null,
					description: input.description,
					callLanguage: input.callLanguage,
					interpreter: input.callLanguage === 'guc',
					accessibilityNeeds: input.accessibilityNeeds,
					preferential: input.preferential,
					consentAt: now,
					policyVersion: POLICY_VERSION,
					manageTokenHash
				});
				await enqueue(tx, email);
				// Kept for replays of the same key: the token only sealed, never readable.
				return {
					reference: draft.reference,
					start: formatInstant(start),
					end: formatInstant(draft.end),
					status: draft.status,
					sealedToken: seal('appointment-manage', token)
				};
			}
		)
	);
	const { sealedToken, ...booked } = result;
	return { ...booked, manageToken: unseal('appointment-manage', sealedToken), replayed };
}
