import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, instantAt, isBusinessDay } from './calendar';
import {
	band,
	checkExtension,
	dueDate,
	elapsedBusinessDays,
	latestExtendedDueDate,
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

	it('allows at most twice the term', () => {
		expect(latestExtendedDueDate(filedAt, 15)).toBe(dueDate(filedAt, 30));
		expect(checkExtension(filedAt, 15, '2026-02-05', dueDate(filedAt, 30))).toBe('ok');
		expect(checkExtension(filedAt, 15, '2026-02-05', dueDate(filedAt, 31))).toBe('too_late');
	});

	it('must move the due date later', () => {
		expect(checkExtension(filedAt, 15, '2026-02-05', '2026-02-05')).toBe('not_later');
		expect(checkExtension(filedAt, 15, '2026-02-05', '2026-02-04')).toBe('not_later');
	});

	it('must land on a business day', () => {
		expect(checkExtension(filedAt, 15, '2026-02-05', '2026-02-07')).toBe('not_business_day');
	});

	it('gives a longer term that lowers the band', () => {
		const extended = termUntil(filedAt, dueDate(filedAt, 25));
		expect(extended).toBe(25);
		expect(band(14, 15)).toBe('alta');
		expect(band(14, extended)).toBe('media');
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
