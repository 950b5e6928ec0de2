import { describe, expect, it } from 'vitest';
import { isHoliday } from './calendar';
import { isOpen, type Availability } from './open-now';

const office: Availability = {
	days: [1, 2, 3, 4, 5],
	opens: '08:30',
	closes: '16:30',
	closedOnHolidays: true
};

const split: Availability = {
	days: [1, 2, 3, 4, 5],
	opens: '08:00',
	closes: '17:00',
	pause: { from: '12:00', until: '14:00' },
	closedOnHolidays: true
};

describe('isOpen with split hours (8–12 and 14–17)', () => {
	it('is open in the morning and in the afternoon', () => {
		expect(isOpen(split, new Date('2026-11-24T11:59:00-05:00'), isHoliday)).toBe(true);
		expect(isOpen(split, new Date('2026-11-24T14:00:00-05:00'), isHoliday)).toBe(true);
		expect(isOpen(split, new Date('2026-11-24T16:59:00-05:00'), isHoliday)).toBe(true);
	});

	it('is closed at noon and until two', () => {
		expect(isOpen(split, new Date('2026-11-24T12:00:00-05:00'), isHoliday)).toBe(false);
		expect(isOpen(split, new Date('2026-11-24T13:59:00-05:00'), isHoliday)).toBe(false);
	});
});

describe('isOpen', () => {
	it('is open on a business day within hours, in Bogotá time', () => {
		// Tuesday 2026-11-24 09:00 in Bogotá is 14:00 UTC.
		expect(isOpen(office, new Date('2026-11-24T14:00:00Z'), isHoliday)).toBe(true);
	});

	it('is closed before opening time', () => {
		expect(isOpen(office, new Date('2026-11-24T08:29:00-05:00'), isHoliday)).toBe(false);
	});

	it('is closed at closing time', () => {
		expect(isOpen(office, new Date('2026-11-24T16:30:00-05:00'), isHoliday)).toBe(false);
	});

	it('is closed on a weekend', () => {
		expect(isOpen(office, new Date('2026-11-28T10:00:00-05:00'), isHoliday)).toBe(false);
	});

	it('is closed on a Monday public holiday', () => {
		// 2026-11-16 is the moved Independence of Cartagena holiday.
		expect(isOpen(office, new Date('2026-11-16T10:00:00-05:00'), isHoliday)).toBe(false);
	});

	it('uses the Bogotá date, not the UTC one', () => {
		// 2026-11-27 at 23:30 UTC is already Saturday in UTC but still Friday 18:30 in Bogotá: an
		// office open until 19:00 on weekdays is open, one open only on Saturdays is closed.
		const late = new Date('2026-11-27T23:30:00Z');
		expect(isOpen({ ...office, closes: '19:00' }, late, isHoliday)).toBe(true);
		expect(isOpen({ ...office, days: [6], opens: '00:00', closes: '23:59' }, late, isHoliday)).toBe(
			false
		);
	});

	it('is always open when the channel receives at any hour', () => {
		expect(isOpen({ always: true }, new Date('2026-12-25T03:00:00-05:00'), isHoliday)).toBe(true);
	});
});

describe('isOpen on a phone, with the holidays the page lists', () => {
	it('is closed on a listed holiday and open on the next business day', () => {
		const listed = (date: string) => date === '2026-11-16';
		expect(isOpen(office, new Date('2026-11-16T10:00:00-05:00'), listed)).toBe(false);
		expect(isOpen(office, new Date('2026-11-17T10:00:00-05:00'), listed)).toBe(true);
	});
});
