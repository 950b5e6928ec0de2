import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	addBusinessDays,
	addDays,
	addMonths,
	instantAt,
	isBusinessDay,
	localDate
} from './calendar';
import {
	band,
	bandDates,
	bandOn,
	checkExtension,
	completionDeadline,
	dueDate,
	elapsedBusinessDays,
	forwardingLate,
	latestExtendedDueDate,
	resumedDueDate,
	standing,
	termUntil
} from './terms';
import { dateInWords, timeInWords } from './dates-in-words';

const filed = (date: string, time = '10:00') => instantAt(date, time);

describe('due dates', () => {
	it('counts 15 business days from the day after filing', () => {
		expect(dueDate(filed('2026-01-15'), 15)).toBe('2026-02-05');
	});

	it('skips Holy Thursday and Good Friday', () => {
		expect(dueDate(filed('2026-03-30'), 10)).toBe('2026-04-15');
	});

	it('skips Christmas, New Year and the Epiphany Monday across the year change', () => {
		expect(dueDate(filed('2025-12-24'), 10)).toBe('2026-01-09');
		expect(dueDate(filed('2025-12-24'), 11)).toBe('2026-01-13');
	});

	it('starts on the next business day when filed on a Saturday before a holiday Monday', () => {
		expect(dueDate(filed('2026-01-10'), 1)).toBe('2026-01-13');
	});

	it('uses the Bogotá date for a petition filed late in the evening', () => {
		const lateEvening = new Date('2026-01-16T04:30:00Z');
		expect(dueDate(lateEvening, 15)).toBe('2026-02-05');
	});

	it('counts 30 business days for a consulta over the June holiday Mondays of 2026', () => {
		// 8, 15 and 29 June 2026 are holidays.
		expect(dueDate(filed('2026-06-01'), 30)).toBe('2026-07-16');
	});

	it('always lands on a business day exactly `term` business days after filing', () => {
		fc.assert(
			fc.property(
				fc.date({ min: new Date('2024-01-01'), max: new Date('2032-12-31'), noInvalidDate: true }),
				fc.integer({ min: 1, max: 60 }),
				(instant, term) => {
					const due = dueDate(instant, term);
					expect(isBusinessDay(due)).toBe(true);
					expect(termUntil(instant, due)).toBe(term);
				}
			)
		);
	});
});

describe('elapsed business days', () => {
	it('is 0 on the filing day', () => {
		expect(elapsedBusinessDays(filed('2026-01-15', '08:00'), filed('2026-01-15', '17:00'))).toBe(0);
	});

	it('is 9 on the ninth business day after filing', () => {
		expect(elapsedBusinessDays(filed('2026-01-15'), filed('2026-01-28'))).toBe(9);
	});

	it('does not grow over a weekend and a holiday Monday', () => {
		const friday = elapsedBusinessDays(filed('2026-01-08'), filed('2026-01-09'));
		const monday = elapsedBusinessDays(filed('2026-01-08'), filed('2026-01-12'));
		expect(friday).toBe(1);
		expect(monday).toBe(1);
	});

	it('equals the term on the due date', () => {
		fc.assert(
			fc.property(
				fc.date({ min: new Date('2024-01-01'), max: new Date('2032-12-31'), noInvalidDate: true }),
				fc.integer({ min: 1, max: 40 }),
				(instant, term) => {
					const due = dueDate(instant, term);
					expect(elapsedBusinessDays(instant, instantAt(due, '12:00'))).toBe(term);
					expect(elapsedBusinessDays(instant, instantAt(addDays(due, -1), '12:00'))).toBe(term - 1);
				}
			)
		);
	});
});

describe('bands', () => {
	it.each([
		[0, 15, 'baja'],
		[5, 15, 'baja'],
		[6, 15, 'media'],
		[10, 15, 'media'],
		[11, 15, 'alta'],
		[14, 15, 'alta'],
		[15, 15, 'critica'],
		[20, 15, 'critica'],
		[3, 10, 'baja'],
		[4, 10, 'media'],
		[6, 10, 'media'],
		[7, 10, 'alta'],
		[9, 10, 'alta'],
		[10, 10, 'critica'],
		[10, 30, 'baja'],
		[20, 30, 'media'],
		[29, 30, 'alta']
	] as const)('elapsed %i of %i is %s', (elapsed, term, expected) => {
		expect(band(elapsed, term)).toBe(expected);
	});

	it('says respondida for an answered petition, even past the term', () => {
		expect(band(20, 15, true)).toBe('respondida');
	});

	it('never goes down as days pass', () => {
		const order = ['baja', 'media', 'alta', 'critica'];
		fc.assert(
			fc.property(fc.integer({ min: 1, max: 60 }), fc.integer({ min: 0, max: 80 }), (term, e) => {
				expect(order.indexOf(band(e + 1, term))).toBeGreaterThanOrEqual(
					order.indexOf(band(e, term))
				);
			})
		);
	});
});

describe('extensions', () => {
	const filedAt = filed('2026-01-15');
	const check = (currentDue: string, proposed: string, today = '2026-01-20', pausedDays = 0) =>
		checkExtension({ filedAt, termDays: 15, pausedDays, currentDue, proposed, today });

	it('allows at most twice the term', () => {
		expect(latestExtendedDueDate(filedAt, 15)).toBe(dueDate(filedAt, 30));
		expect(check('2026-02-05', dueDate(filedAt, 30))).toBe('ok');
		expect(check('2026-02-05', dueDate(filedAt, 31))).toBe('too_late');
	});

	it('does not count the days the term stood paused against the limit', () => {
		expect(latestExtendedDueDate(filedAt, 15, 4)).toBe(dueDate(filedAt, 34));
		expect(check('2026-02-11', dueDate(filedAt, 34), '2026-01-20', 4)).toBe('ok');
		expect(check('2026-02-11', dueDate(filedAt, 35), '2026-01-20', 4)).toBe('too_late');
	});

	it('must move the due date later', () => {
		expect(check('2026-02-05', '2026-02-05')).toBe('not_later');
		expect(check('2026-02-05', '2026-02-04')).toBe('not_later');
	});

	it('must land on a business day', () => {
		expect(check('2026-02-05', '2026-02-07')).toBe('not_business_day');
	});

	it('is decided up to the due date, never after it', () => {
		expect(check('2026-02-05', '2026-02-19', '2026-02-05')).toBe('ok');
		expect(check('2026-02-05', '2026-02-19', '2026-02-06')).toBe('after_due');
	});

	it('gives a longer term that lowers the band', () => {
		const extended = termUntil(filedAt, dueDate(filedAt, 25));
		expect(extended).toBe(25);
		expect(band(14, 15)).toBe('alta');
		expect(band(14, extended)).toBe('media');
	});
});

describe('standing', () => {
	const filedAt = filed('2026-01-15');
	const clock = { filedAt, dueDate: '2026-02-05', pausedDays: 0, pausedAt: null };

	it('counts business days against the term until the petition closes', () => {
		expect(standing(clock, filed('2026-01-28'))).toEqual({
			termDays: 15,
			elapsed: 9,
			band: 'media'
		});
		const answered = { ...clock, closed: { band: 'respondida' as const, at: filed('2026-01-20') } };
		expect(standing(answered, filed('2026-03-20'))).toEqual({
			termDays: 15,
			elapsed: 3,
			band: 'respondida'
		});
	});

	it('stands still during a pause and goes on after it without counting the paused days', () => {
		const paused = { ...clock, pausedAt: filed('2026-01-20') };
		expect(standing(paused, filed('2026-03-02')).elapsed).toBe(3);
		expect(standing(paused, filed('2026-03-02')).band).toBe('baja');
		// Answered on Monday 26 January: four business days paused (21, 22, 23, 26).
		const resumed = resumedDueDate('2026-02-05', filed('2026-01-20'), filed('2026-01-26'));
		expect(resumed).toEqual({ dueDate: '2026-02-11', pausedDays: 4 });
		const after = { ...clock, ...resumed, pausedAt: null };
		expect(standing(after, filed('2026-01-27'))).toEqual({
			termDays: 15,
			elapsed: 4,
			band: 'baja'
		});
	});

	it('tells the same band by dates as by counting, on every day of any term, with pauses', () => {
		fc.assert(
			fc.property(
				fc.date({ min: new Date('2025-01-01'), max: new Date('2031-12-31'), noInvalidDate: true }),
				fc.integer({ min: 1, max: 60 }),
				fc.integer({ min: 0, max: 12 }),
				fc.integer({ min: 0, max: 120 }),
				(filedAt, term, pausedDays, offset) => {
					const due = dueDate(filedAt, term + pausedDays);
					const today = addDays(localDate(filedAt), offset);
					const dates = { ...bandDates(filedAt, due, pausedDays), dueDate: due };
					// A day after the pauses ended: at least the paused business days after filing.
					if (offset < pausedDays * 2) return;
					const counted = standing(
						{ filedAt, dueDate: due, pausedDays, pausedAt: null },
						instantAt(today, '12:00')
					);
					expect(bandOn(today, dates)).toBe(counted.band);
				}
			)
		);
	});
});

describe('legal windows', () => {
	it('warns about a forwarding after 5 business days', () => {
		const filedAt = filed('2026-01-15');
		expect(forwardingLate(filedAt, filed(addBusinessDays('2026-01-15', 5)))).toBe(false);
		expect(forwardingLate(filedAt, filed(addBusinessDays('2026-01-15', 6)))).toBe(true);
	});

	it('gives a petitioner one calendar month to complete a petition', () => {
		expect(completionDeadline(filed('2026-01-20'))).toBe('2026-02-20');
		expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
		expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
		expect(addMonths('2026-12-15', 1)).toBe('2027-01-15');
	});
});

describe('dates in words', () => {
	it('writes the weekday, day, month and year in Spanish', () => {
		expect(dateInWords('2026-02-05')).toBe('jueves 5 de febrero de 2026');
	});

	it('writes an instant as its local date, the same way as a date', () => {
		// 03:00 UTC on the 6th is still the 5th in Bogotá.
		expect(dateInWords(new Date('2026-02-06T03:00:00Z'))).toBe('jueves 5 de febrero de 2026');
		expect(timeInWords(new Date('2026-02-06T03:00:00Z'))).toBe('10:00 p. m.');
	});
});
