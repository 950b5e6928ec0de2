import { entity } from '$lib/config/entity';
import { formatInstant, type LocalDate } from '$lib/domain/calendar';
import type { SlotRules } from '$lib/domain/slots';
import { videoLink } from '../calls/links';
import type { appointments as table } from '../db/schema';

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
	manageToken: string;
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
		callLanguage: appointment.callLanguage,
		interpreter: appointment.interpreter,
		/** The citizen's link to the call room (or to the entity's platform, when external). */
		videoUrl: videoLink(appointment)
	};
}
