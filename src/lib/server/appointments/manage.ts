import { eq } from 'drizzle-orm';
import { entity } from '$lib/config/entity';
import { slotEnd } from '$lib/domain/slots';
import { clock } from '../clock';
import type { Database } from '../db';
import { appointments as table } from '../db/schema';
import { DomainError } from '../errors';
import { clientOf, limitOf, rateLimit } from '../rate-limit';
import type { Transaction } from '../idempotency';
import { queueEmail } from './emails';
import { find, findOpenedBy, rules, type Appointment } from './model';
import { takePlaceOrExpired } from './holds';
import { freePlace, offeredStart, orNearest } from './slots';
import { nonWorkingDays } from '../non-working-days';
import { documentMatches, tokenMatches } from './tokens';

/** The appointment a manage token opens; a wrong reference and a wrong token answer the same. */
export async function open(db: Database, reference: string, token: string): Promise<Appointment> {
	return findOpenedBy(db, reference, (found) => tokenMatches(token, found.manageTokenHash));
}

/**
 * The appointment a reference and a document number open (the manage form without the link).
 * Each try counts against the client address before the check (entity.limits), and a right one is
 * given back: enough for typos, too few to guess references.
 */
export async function openByDocument(
	db: Database,
	reference: string,
	documentNumber: string,
	client: string
): Promise<Appointment> {
	const hit = await rateLimit.hit(
		db,
		`appointment-lookup:client:${clientOf(client)}`,
		limitOf(entity.limits.appointmentLookupPerClient)
	);
	if (!hit.allowed) {
		throw new DomainError('APPOINTMENT_LOOKUP_LIMITED', {
			values: { minutes: Math.ceil(hit.retryAfter / 60) },
			retryAfter: hit.retryAfter
		});
	}
	const found = await find(db, reference);
	if (!documentMatches(documentNumber, found?.documentNumber) || !found) {
		throw new DomainError('APPOINTMENT_NOT_FOUND');
	}
	await rateLimit.refund(db, hit);
	return found;
}

export async function byReference(db: Database, reference: string): Promise<Appointment> {
	const found = await find(db, reference);
	if (!found) throw new DomainError('APPOINTMENT_NOT_FOUND');
	return found;
}

/** A future booking, or one whose call failed and that waits for the citizen to choose a new time. */
export function changeable(appointment: Appointment): boolean {
	if (appointment.status === 'reschedule_needed') return true;
	return appointment.status === 'booked' && appointment.start.getTime() > clock.now().getTime();
}

/** A booking still waiting for its emailed confirmation may be cancelled, not moved. */
export function cancellable(appointment: Appointment): boolean {
	if (appointment.status !== 'held') return changeable(appointment);
	return (appointment.holdExpiresAt?.getTime() ?? 0) > clock.now().getTime();
}

/** The appointment, locked for the rest of the transaction, when it may still change. */
async function lockChangeable(
	tx: Transaction,
	reference: string,
	may: (appointment: Appointment) => boolean = changeable
): Promise<Appointment> {
	const current = await find(tx, reference, true);
	if (!current) throw new DomainError('APPOINTMENT_NOT_FOUND');
	if (!may(current)) throw new DomainError('APPOINTMENT_NOT_CHANGEABLE');
	return current;
}

/** Moves an appointment to another slot; the reference stays, the old place is freed at once. */
export async function reschedule(
	db: Database,
	reference: string,
	newStart: string
): Promise<Appointment> {
	const start = offeredStart(newStart);
	return orNearest(db, start, (full) =>
		db.transaction(async (tx) => {
			const current = await lockChangeable(tx, reference);
			if (current.start.getTime() === start.getTime() && current.status === 'booked') {
				return current;
			}
			await nonWorkingDays.refuseClosed(tx, start);
			// Slot rows are always locked in time order, so two opposite moves cannot deadlock.
			const take = async () => {
				if (!(await takePlaceOrExpired(tx, start))) full();
			};
			const free = () => freePlace(tx, current.start);
			for (const step of start < current.start ? [take, free] : [free, take]) await step();
			const [moved] = await tx
				.update(table)
				.set({
					start,
					end: slotEnd(start, rules),
					status: 'booked',
					sequence: current.sequence + 1,
					reminderSentAt: null,
					updatedAt: clock.now()
				})
				.where(eq(table.id, current.id))
				.returning();
			await queueEmail(tx, 'changed', moved!);
			return moved!;
		})
	);
}

/**
 * Cancels an appointment and frees its place in the same transaction. A hold nobody confirmed is
 * cancelled without an email: its address was never confirmed.
 */
export async function cancel(db: Database, reference: string): Promise<Appointment> {
	return db.transaction(async (tx) => {
		const current = await lockChangeable(tx, reference, cancellable);
		await freePlace(tx, current.start);
		const [cancelled] = await tx
			.update(table)
			.set({
				status: 'cancelled',
				cancelledAt: clock.now(),
				sequence: current.sequence + 1,
				updatedAt: clock.now()
			})
			.where(eq(table.id, current.id))
			.returning();
		if (current.status !== 'held') await queueEmail(tx, 'cancelled', cancelled!);
		return cancelled!;
	});
}
