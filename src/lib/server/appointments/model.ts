import { eq } from 'drizzle-orm';
import { entity } from '$lib/config/entity';
import { formatInstant, type LocalDate } from '$lib/domain/calendar';
import { isReference, type SlotRules } from '$lib/domain/slots';
import { videoLink } from '../calls/links';
import type { Database } from '../db';
import { appointments as table } from '../db/schema';
import { DomainError } from '../errors';
import type { Transaction } from '../idempotency';

export type Appointment = typeof table.$inferSelect;

/** The entity's booking rules, as the slot calculations take them. */
export const rules: SlotRules = {
	officeHours: entity.officeHours,
	slotMinutes: entity.appointments.slotMinutes,
	minimumNoticeHours: entity.appointments.minimumNoticeHours,
	bookingWindowDays: entity.appointments.bookingWindowDays
};

export interface Slot {
	start: string;
	end: string;
	available: number;
}

export interface SlotDay {
	date: LocalDate;
	slots: Slot[];
}

export interface Booked {
	reference: string;
	start: string;
	end: string;
	status: string;
	/** A booking made with an email waits until then for the emailed link to confirm it. */
	holdExpiresAt?: string;
	manageToken: string;
}

/** The appointment of a reference; anything not shaped like one (a NUL, say) finds nothing. */
export async function find(
	db: Database | Transaction,
	reference: string,
	lock = false
): Promise<Appointment | undefined> {
	if (!isReference(reference)) return undefined;
	const query = db.select().from(table).where(eq(table.reference, reference));
	const [found] = lock ? await query.for('update') : await query;
	return found;
}

/**
 * The appointment of `reference` when `opens` accepts the secret presented for it; a wrong
 * reference and a wrong secret answer the same APPOINTMENT_NOT_FOUND.
 */
export async function findOpenedBy(
	db: Database | Transaction,
	reference: string,
	opens: (found: Appointment) => boolean,
	lock = false
): Promise<Appointment> {
	const found = await find(db, reference, lock);
	if (!found || !opens(found)) throw new DomainError('APPOINTMENT_NOT_FOUND');
	return found;
}

/** What the API and the pages may show of an appointment: no document number. */
export function view(appointment: Appointment) {
	return {
		reference: appointment.reference,
		status: appointment.status,
		topic: appointment.topic,
		start: formatInstant(appointment.start),
		end: formatInstant(appointment.end),
		name: appointment.name,
		email: appointment.email,
		/** Until when a held booking waits for its confirmation (held bookings only). */
		holdExpiresAt:
			appointment.status === 'held' && appointment.holdExpiresAt
				? formatInstant(appointment.holdExpiresAt)
				: null,
		/** Booked with a phone only: the entity calls to confirm it. */
		confirmationCall: appointment.confirmationCall,
		callLanguage: appointment.callLanguage,
		interpreter: appointment.interpreter,
		/** The citizen's link to the call room (or to the entity's platform, when external). */
		videoUrl: videoLink(appointment)
	};
}
