import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, formatInstant, isHoliday, isoWeekday, localDate, localTime } from './calendar';
import {
	bookableStarts,
	dayStarts,
	isBookable,
	isReference,
	nearest,
	normaliseReference,
	timesByDay,
	referenceFrom,
	type SlotRules
} from './slots';

const rules: SlotRules = {
	officeHours: { days: [1, 2, 3, 4, 5], opens: '08:00', closes: '17:00' },
	slotMinutes: 30,
	minimumNoticeHours: 2,
	bookingWindowDays: 30
};

// Any instant from 2024 to 2031, so windows cross several year boundaries and holiday seasons.
const instants = fc
	.integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2031, 11, 31) })
	.map((ms) => new Date(ms));

describe('slots of a day', () => {
	it('offers 18 slots from 08:00 to 16:30 on a business day', () => {
		const starts = dayStarts('2026-02-02', rules);
		expect(starts).toHaveLength(18);
		expect(formatInstant(starts[0]!)).toBe('2026-02-02T08:00:00-05:00');
		expect(formatInstant(starts[17]!)).toBe('2026-02-02T16:30:00-05:00');
	});

	it('offers none on weekends', () => {
		expect(dayStarts('2026-02-07', rules)).toEqual([]);
		expect(dayStarts('2026-02-08', rules)).toEqual([]);
	});

	it('offers none on Colombian public holidays, moved ones included', () => {
		// 1 January, Monday 12 January 2026 (Reyes, moved), Holy Thursday 2 April 2026.
		for (const date of ['2026-01-01', '2026-01-12', '2026-04-02']) {
			expect(dayStarts(date, rules)).toEqual([]);
		}
	});
});

describe('bookable slots (properties)', () => {
	it('never fall on a weekend or a holiday, and always inside office hours', () => {
		fc.assert(
			fc.property(instants, (now) => {
				const days = bookableStarts(localDate(now), addDays(localDate(now), 40), now, rules);
				for (const day of days) {
					expect(isoWeekday(day.date)).toBeLessThanOrEqual(5);
					expect(isHoliday(day.date)).toBe(false);
					for (const start of day.starts) {
						expect(localDate(start)).toBe(day.date);
						expect(localTime(start) >= '08:00' && localTime(start) <= '16:30').toBe(true);
						expect(start.getTime() % (30 * 60_000)).toBe(0);
					}
				}
			}),
			{ numRuns: 60 }
		);
	});

	it('respect the minimum notice and the booking window', () => {
		fc.assert(
			fc.property(instants, (now) => {
				const days = bookableStarts('2000-01-01', '2099-12-31', now, rules);
				const all = days.flatMap((day) => day.starts);
				for (const start of all) {
					expect(start.getTime()).toBeGreaterThanOrEqual(now.getTime() + 2 * 3600_000);
					expect(localDate(start) <= addDays(localDate(now), 30)).toBe(true);
				}
				// A 30-day window always holds business days, whatever the season.
				expect(all.length).toBeGreaterThan(0);
			}),
			{ numRuns: 60 }
		);
	});

	it('agree with isBookable, across year boundaries', () => {
		const yearEnds = fc
			.integer({ min: 2024, max: 2031 })
			.chain((year) =>
				fc
					.integer({ min: -20 * 24 * 60, max: 5 * 24 * 60 })
					.map((minutes) => new Date(Date.UTC(year + 1, 0, 1, 5) + minutes * 60_000))
			);
		fc.assert(
			fc.property(yearEnds, (now) => {
				const days = bookableStarts(localDate(now), addDays(localDate(now), 30), now, rules);
				const offered = new Set(days.flatMap((d) => d.starts.map((s) => s.getTime())));
				for (let day = 0; day <= 31; day += 1) {
					for (const start of dayStarts(addDays(localDate(now), day), rules)) {
						expect(isBookable(start, now, rules)).toBe(offered.has(start.getTime()));
					}
				}
			}),
			{ numRuns: 40 }
		);
	});

	it('refuse instants that are not slot starts', () => {
		const now = new Date('2026-02-02T07:00:00-05:00');
		expect(isBookable(new Date('2026-02-03T08:15:00-05:00'), now, rules)).toBe(false);
		expect(isBookable(new Date('2026-02-03T17:00:00-05:00'), now, rules)).toBe(false);
		expect(isBookable(new Date('2026-02-03T08:00:00-05:00'), now, rules)).toBe(true);
		expect(isBookable(new Date('2026-02-02T08:30:00-05:00'), now, rules)).toBe(false);
		expect(isBookable(new Date('2026-02-02T09:00:00-05:00'), now, rules)).toBe(true);
	});
});

describe('nearest free times', () => {
	it('picks the closest ones, in time order', () => {
		const at = (hh: string) => new Date(`2026-02-03T${hh}:00-05:00`);
		expect(nearest(at('10:00'), [at('08:00'), at('09:30'), at('11:00'), at('10:30')], 2)).toEqual([
			at('09:30'),
			at('10:30')
		]);
	});
});

describe('references', () => {
	it('are short and use only unambiguous characters', () => {
		fc.assert(
			fc.property(fc.uint8Array({ minLength: 6, maxLength: 6 }), (bytes) => {
				const reference = referenceFrom(bytes);
				expect(reference).toMatch(/^CITA-[2-9A-HJKMNP-TV-Z]{4}-[2-9A-HJKMNP-TV-Z]{2}$/);
				expect(isReference(reference)).toBe(true);
				expect(normaliseReference(reference.toLowerCase().replaceAll('-', ' '))).toBe(reference);
			})
		);
	});
});

describe('appointment topics', () => {
	it('are the bookable services of the portfolio, each with a name on the booking pages', async () => {
		const { TOPICS } = await import('./appointments');
		const { bookableServices } = await import('$lib/content/services');
		const booking = (await import('../../../locales/es/booking.json')).default as {
			topics: Record<string, string>;
		};
		expect(TOPICS).toEqual(bookableServices().map((service) => service.slug));
		for (const topic of TOPICS) expect(booking.topics[topic], topic).toBeTruthy();
	});
});

describe('times grouped for a page', () => {
	it('says each day once and splits its times into morning and afternoon', () => {
		const at = (iso: string) => ({ start: iso });
		const grouped = timesByDay([
			at('2030-02-05T08:00:00-05:00'),
			at('2030-02-05T11:30:00-05:00'),
			at('2030-02-05T12:00:00-05:00'),
			at('2030-02-06T09:00:00-05:00')
		]);
		expect(grouped).toEqual([
			{
				date: '2030-02-05',
				parts: [
					{
						part: 'morning',
						times: [at('2030-02-05T08:00:00-05:00'), at('2030-02-05T11:30:00-05:00')]
					},
					{ part: 'afternoon', times: [at('2030-02-05T12:00:00-05:00')] }
				]
			},
			{ date: '2030-02-06', parts: [{ part: 'morning', times: [at('2030-02-06T09:00:00-05:00')] }] }
		]);
	});
});
