import type { BookingInput } from '$lib/domain/appointments';
import { appointments } from '../appointments';
import type { Database } from '../db';
import { bookingInput } from '../testing/factories';

/** Books one appointment at `start` as a citizen would (a factory for staff tests). */
export async function bookAt(db: Database, start: string, overrides: Partial<BookingInput> = {}) {
	return appointments.book(db, bookingInput({ start, ...overrides }), { locale: 'es' });
}
