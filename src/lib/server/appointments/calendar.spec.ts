import { describe, expect, it } from 'vitest';
import { citizenRoomUrl } from '../calls/links';
import { calendarFile } from './calendar';

/** Unfolds an iCalendar text (RFC 5545 §3.1) into its property lines. */
function lines(ics: string): string[] {
	return ics.replace(/\r\n[ \t]/g, '').split(/\r\n/);
}

function value(ics: string, name: string): string[] {
	return lines(ics)
		.filter((line) => line.startsWith(`${name}:`) || line.startsWith(`${name};`))
		.map((line) => line.slice(line.indexOf(':') + 1));
}

const appointment = {
	id: '5f0c7a3e-0000-4000-8000-000000000001',
	reference: 'CITA-7K3M-Q9',
	start: new Date('2030-02-05T09:00:00-05:00'),
	videoUrl: 'https://meet.demo.ventanilla.gov.co/cita/abc',
	manageTokenHash: 'a'.repeat(64),
	locale: 'es',
	sequence: 0,
	status: 'booked'
};

describe('the calendar file', () => {
	it('starts at the booked instant, in UTC, and lasts 30 minutes', async () => {
		const ics = await calendarFile(appointment);
		expect(value(ics, 'DTSTART')).toEqual(['20300205T140000Z']);
		const duration = value(ics, 'DURATION')[0];
		const end = value(ics, 'DTEND')[0];
		expect(duration === 'PT30M' || end === '20300205T143000Z').toBe(true);
	});

	it('has a UID, the Bogotá zone and reminders a day and 15 minutes before', async () => {
		const ics = await calendarFile(appointment);
		expect(value(ics, 'UID')).toEqual([`${appointment.id}@ventanilla`]);
		expect(value(ics, 'X-WR-TIMEZONE')).toEqual(['America/Bogota']);
		expect(value(ics, 'TRIGGER').sort()).toEqual(['-PT24H', '-PT15M'].sort());
		expect(lines(ics).filter((line) => line === 'BEGIN:VALARM')).toHaveLength(2);
	});

	it('carries the link to the call room and the rules in the description', async () => {
		const ics = await calendarFile(appointment);
		const description = value(ics, 'DESCRIPTION')[0]!;
		const room = citizenRoomUrl(appointment);
		expect(room).toMatch(/\/es\/citas\/sala\/CITA-7K3M-Q9\?llave=[\w-]{32}$/);
		expect(description).toContain(room);
		expect(value(ics, 'URL')).toEqual([room]);
		expect(description).toContain('5 minutos antes');
		expect(description).toContain('30 minutos');
	});

	it('is marked cancelled once the appointment is cancelled', async () => {
		const ics = await calendarFile({ ...appointment, status: 'cancelled', sequence: 1 });
		expect(value(ics, 'METHOD')).toEqual(['CANCEL']);
		expect(value(ics, 'STATUS')).toEqual(['CANCELLED']);
	});
});
