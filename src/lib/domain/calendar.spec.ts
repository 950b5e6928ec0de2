import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	addBusinessDays,
	addDays,
	businessDaysBetween,
	formatInstant,
	instantAt,
	isBusinessDay,
	isHoliday,
	localDate,
	localTime,
	TIME_ZONE,
	UTC_OFFSET
} from './calendar';
import { entity } from '$lib/config/entity';

const dates = fc
	.date({
		min: new Date('2020-01-01T00:00:00Z'),
		max: new Date('2035-12-31T00:00:00Z'),
		noInvalidDate: true
	})
	.map((d) => d.toISOString().slice(0, 10));

describe('Bogotá time', () => {
	it('puts 03:00 UTC on the previous Bogotá day', () => {
		expect(localDate(new Date('2026-01-01T03:00:00Z'))).toBe('2025-12-31');
		expect(localTime(new Date('2026-01-01T03:00:00Z'))).toBe('22:00');
	});

	it('reads the zone and its offset from the entity profile', () => {
		expect(TIME_ZONE).toBe(entity.timeZone);
		expect(UTC_OFFSET).toBe('-05:00');
	});

	it('writes instants with the -05:00 offset', () => {
		expect(formatInstant(instantAt('2026-02-05', '08:30'))).toBe('2026-02-05T08:30:00-05:00');
	});

	it('round-trips any local date and time', () => {
		fc.assert(
			fc.property(dates, fc.integer({ min: 0, max: 23 }), (date, hour) => {
				const time = `${String(hour).padStart(2, '0')}:00`;
				const instant = instantAt(date, time);
				return localDate(instant) === date && localTime(instant) === time;
			})
		);
	});
});

describe('holidays', () => {
	it('knows the fixed holidays', () => {
		expect(isHoliday('2026-01-01')).toBe(true);
		expect(isHoliday('2026-07-20')).toBe(true);
		expect(isHoliday('2026-12-25')).toBe(true);
	});

	it('moves Reyes Magos to the next Monday (Ley 51 de 1983)', () => {
		expect(isHoliday('2026-01-06')).toBe(false);
		expect(isHoliday('2026-01-12')).toBe(true);
	});

	it('knows the Easter holidays of 2026', () => {
		expect(isHoliday('2026-04-02')).toBe(true);
		expect(isHoliday('2026-04-03')).toBe(true);
	});

	it('treats weekends and holidays as non-business days', () => {
		expect(isBusinessDay('2026-11-21')).toBe(false);
		expect(isBusinessDay('2026-11-16')).toBe(false);
		expect(isBusinessDay('2026-11-23')).toBe(true);
	});
});

describe('business days', () => {
	it('counts from the day after filing', () => {
		// Filed Friday 2026-01-09; Monday 12 is Reyes Magos.
		expect(addBusinessDays('2026-01-09', 1)).toBe('2026-01-13');
	});

	it('gives 15 business days across Holy Week 2026', () => {
		// Filed Monday 2026-03-30; Thursday 2 and Friday 3 April are holidays.
		expect(addBusinessDays('2026-03-30', 15)).toBe('2026-04-22');
	});

	it('crosses the year boundary', () => {
		expect(addBusinessDays('2026-12-30', 3)).toBe('2027-01-05');
	});

	it('always lands on a business day', () => {
		fc.assert(
			fc.property(dates, fc.integer({ min: 1, max: 40 }), (date, n) =>
				isBusinessDay(addBusinessDays(date, n))
			)
		);
	});

	it('counts back what it added', () => {
		fc.assert(
			fc.property(
				dates,
				fc.integer({ min: 0, max: 40 }),
				(date, n) => businessDaysBetween(date, addBusinessDays(date, n)) === n
			)
		);
	});

	it('counts nothing when the end is not after the start', () => {
		fc.assert(
			fc.property(
				dates,
				fc.integer({ min: 0, max: 10 }),
				(date, back) => businessDaysBetween(date, addDays(date, -back)) === 0
			)
		);
	});
});
