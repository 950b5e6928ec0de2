import { createEvent } from 'ics';
import { entity } from '$lib/config/entity';
import { translator } from '$lib/i18n/translator';
import { isLocale } from '$lib/i18n/locales';
import { videoLink } from '../calls/links';

export interface CalendarAppointment {
	id: string;
	reference: string;
	start: Date;
	videoUrl: string;
	/** The room link is made from it (calls/links.ts). */
	manageTokenHash: string;
	locale: string;
	sequence: number;
	status: string;
}

/**
 * The .ics file of an appointment: times in UTC (unambiguous in every calendar), the zone named
 * for display, reminders a day and 15 minutes before, the link and the rules in the description.
 */
export async function calendarFile(appointment: CalendarAppointment): Promise<string> {
	const { t } = await translator(isLocale(appointment.locale) ? appointment.locale : 'es');
	const cancelled = appointment.status === 'cancelled';
	const link = videoLink(appointment);
	const description = [
		t('booking:calendar.description', { reference: appointment.reference }),
		t('booking:calendar.link', { url: link }),
		t('booking:rules.early'),
		t('booking:rules.wait'),
		t('booking:rules.length'),
		t('booking:rules.failure')
	].join('\n');
	const { error, value } = createEvent({
		uid: `${appointment.id}@ventanilla`,
		productId: 'ventanilla/citas',
		method: cancelled ? 'CANCEL' : 'PUBLISH',
		status: cancelled ? 'CANCELLED' : 'CONFIRMED',
		sequence: appointment.sequence,
		// A timestamp, not a [year, month, …] array: the package checks an array item by item,
		// which doubled what a booking costs; the file is the same (calendar.spec.ts).
		start: appointment.start.getTime(),
		startInputType: 'utc',
		startOutputType: 'utc',
		duration: { minutes: entity.appointments.slotMinutes },
		title: t('booking:calendar.title', { entity: entity.shortName }),
		description,
		url: link,
		location: link,
		// The package writes { days: 1 } as -P1DT, which strict parsers refuse; 24 hours is the same.
		alarms: [
			{
				action: 'display',
				description: t('booking:calendar.reminder'),
				trigger: { hours: 24, before: true }
			},
			{
				action: 'display',
				description: t('booking:calendar.reminder'),
				trigger: { minutes: 15, before: true }
			}
		]
	});
	if (error || !value) throw error ?? new Error('calendar file not created');
	// Calendars show the event in the entity's time when they know the zone it belongs to.
	return value.replace('BEGIN:VEVENT', `X-WR-TIMEZONE:${entity.timeZone}\r\nBEGIN:VEVENT`);
}
