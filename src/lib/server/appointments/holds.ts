import { and, asc, eq, gte, lt, lte, sql } from 'drizzle-orm';
import { entity } from '$lib/config/entity';
import { clock } from '../clock';
import type { Database } from '../db';
import { appointments as table } from '../db/schema';
import { DomainError } from '../errors';
import type { Transaction } from '../idempotency';
import { clientOf, limitOf, rateLimit } from '../rate-limit';
import { findOpenedBy, type Appointment } from './model';
import { freePlace, takePlace } from './slots';
import { confirmTokenMatches } from './tokens';

/**
 * A booking made with an email holds its place until the citizen confirms it through the emailed
 * link, for entity.limits.booking.holdMinutes; then the place returns to the slot by itself. So a
 * bot cannot take a day's places with made-up addresses: each place needs a mailbox that answers.
 */

/**
 * Counts one try against each window of `allowances`, in the caller's transaction (so a booking
 * that fails takes its count back), and refuses with `code` when one is spent.
 */
export async function within(
	tx: Transaction,
	bucket: string,
	allowances: { max: number; minutes: number }[],
	code: 'BOOKING_LIMITED' | 'PHONE_BOOKING_LIMITED' | 'CONFIRMATION_LIMITED'
): Promise<void> {
	for (const allowance of allowances) {
		const hit = await rateLimit.hit(tx, `${bucket}:${allowance.minutes}`, limitOf(allowance));
		if (!hit.allowed) {
			throw new DomainError(code, {
				values: { minutes: Math.ceil(hit.retryAfter / 60), max: allowance.max },
				retryAfter: hit.retryAfter
			});
		}
	}
}

/**
 * Returns to their slots the holds whose time ran out (all of them, or those of one slot), marking
 * them `expired`. Rows are claimed with FOR UPDATE SKIP LOCKED in time order (the order every
 * change takes slot rows in), so instances running it at once, and bookings, never wait on each
 * other in a circle.
 */
export async function expireHolds(db: Database | Transaction, start?: Date): Promise<number> {
	const now = clock.now();
	return db.transaction(async (tx) => {
		const due = await tx
			.select({ id: table.id, start: table.start })
			.from(table)
			.where(
				and(
					eq(table.status, 'held'),
					lte(table.holdExpiresAt, now),
					start ? eq(table.start, start) : undefined
				)
			)
			.orderBy(asc(table.start))
			.limit(100)
			.for('update', { skipLocked: true });
		for (const row of due) {
			await tx.update(table).set({ status: 'expired', updatedAt: now }).where(eq(table.id, row.id));
			await freePlace(tx, row.start);
		}
		return due.length;
	});
}

/**
 * Takes a place in a slot; when it is full, first gives back the slot's holds that ran out, so a
 * place returns in time even between two rounds of the worker.
 */
export async function takePlaceOrExpired(tx: Transaction, start: Date): Promise<boolean> {
	if (await takePlace(tx, start)) return true;
	return (await expireHolds(tx, start)) > 0 && takePlace(tx, start);
}

/** The booking an emailed confirmation link opens, as it is now; a wrong token finds nothing. */
export async function byConfirmToken(
	db: Database,
	reference: string,
	token: string
): Promise<Appointment> {
	return findOpenedBy(db, reference, (row) => confirmTokenMatches(token, row.confirmTokenHash));
}

/**
 * Confirms a held booking with the token of the emailed link. Each confirmation counts against
 * the client address first (entity.limits.booking.confirmationsPerClient), so one client cannot
 * confirm more than a few bookings an hour whatever mailboxes it controls. A second press on the
 * same link answers the booking as it is.
 */
export async function confirm(
	db: Database,
	reference: string,
	token: string,
	client: string
): Promise<Appointment> {
	return db.transaction(async (tx) => {
		const row = await findOpenedBy(
			tx,
			reference,
			(found) => confirmTokenMatches(token, found.confirmTokenHash),
			true
		);
		if (row.status !== 'held') {
			if (row.status === 'expired') throw new DomainError('HOLD_EXPIRED');
			return row;
		}
		const now = clock.now();
		if (row.holdExpiresAt && row.holdExpiresAt <= now) throw new DomainError('HOLD_EXPIRED');
		await within(
			tx,
			`booking-confirm:client:${clientOf(client)}`,
			entity.limits.booking.confirmationsPerClient,
			'CONFIRMATION_LIMITED'
		);
		const [confirmed] = await tx
			.update(table)
			.set({ status: 'booked', updatedAt: now })
			.where(eq(table.id, row.id))
			.returning();
		return confirmed!;
	});
}

/** How many holds of a period expired unconfirmed (for the agenda). */
export async function expiredHolds(db: Database, from: Date, to: Date): Promise<number> {
	const [row] = await db
		.select({ count: sql<number>`count(*)::int` })
		.from(table)
		.where(and(eq(table.status, 'expired'), gte(table.start, from), lt(table.start, to)));
	return Number(row?.count ?? 0);
}
