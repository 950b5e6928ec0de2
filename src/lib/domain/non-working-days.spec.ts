import { describe, expect, it } from 'vitest';
import { addBusinessDays, businessDaysBetween, instantAt, isBusinessDay } from './calendar';
import {
	changedDates,
	closedDays,
	newClosures,
	termDaysOff,
	upcoming,
	type NonWorkingDay
} from './non-working-days';
import { callbackDays } from './callback-windows';
import { bandDates, bandOn, dueDate, movedDueDate, standing } from './terms';
import { bookableStarts, isBookable, type SlotRules } from './slots';

const filed = (date: string, time = '10:00') => instantAt(date, time);
const closure = (date: string): NonWorkingDay => ({ date, kind: 'closure', reason: 'Traslado.' });
const suspension = (date: string): NonWorkingDay => ({
	date,
	kind: 'suspension',
	reason: 'Resolución 12.'
});

// 2026-01-15 is a Thursday; 15 business days later, with no day off, is 2026-02-05.
describe('business days with the entity’s days off', () => {
	it('a closure or a suspension inside the term moves the due date one business day later', () => {
		expect(dueDate(filed('2026-01-15'), 15)).toBe('2026-02-05');
		for (const day of [closure('2026-01-20'), suspension('2026-01-20')]) {
			expect(dueDate(filed('2026-01-15'), 15, termDaysOff([day]))).toBe('2026-02-06');
		}
	});

	it('a day off after the due date or on a weekend changes nothing', () => {
		expect(dueDate(filed('2026-01-15'), 15, termDaysOff([closure('2026-02-09')]))).toBe(
			'2026-02-05'
		);
		expect(dueDate(filed('2026-01-15'), 15, termDaysOff([closure('2026-01-17')]))).toBe(
			'2026-02-05'
		);
	});

	it('a petition filed on a non-working day starts counting on the next business day', () => {
		// Filed on Friday 16 January, a closure: the first counted day is Monday 19 January.
		const off = termDaysOff([closure('2026-01-16')]);
		expect(addBusinessDays('2026-01-16', 1, off)).toBe('2026-01-19');
		expect(dueDate(filed('2026-01-16'), 1, off)).toBe('2026-01-19');
		// The same as if it had been filed the business day before: day 1 is the next business day.
		expect(dueDate(filed('2026-01-16'), 15, off)).toBe(dueDate(filed('2026-01-16'), 15));
	});

	it('a day off is not a business day and is not counted between two dates', () => {
		const off = termDaysOff([suspension('2026-01-20')]);
		expect(isBusinessDay('2026-01-20')).toBe(true);
		expect(isBusinessDay('2026-01-20', off)).toBe(false);
		expect(businessDaysBetween('2026-01-15', '2026-01-21')).toBe(4);
		expect(businessDaysBetween('2026-01-15', '2026-01-21', off)).toBe(3);
	});

	it('moves a due date by the days added or removed inside its term, extensions included', () => {
		const none = termDaysOff([]);
		const one = termDaysOff([closure('2026-01-20')]);
		const two = termDaysOff([closure('2026-01-20'), suspension('2026-01-28')]);
		expect(movedDueDate(filed('2026-01-15'), '2026-02-05', none, one)).toBe('2026-02-06');
		expect(movedDueDate(filed('2026-01-15'), '2026-02-05', none, two)).toBe('2026-02-09');
		expect(movedDueDate(filed('2026-01-15'), '2026-02-09', two, none)).toBe('2026-02-05');
		// An extended term (30 business days) keeps its length.
		expect(movedDueDate(filed('2026-01-15'), '2026-02-26', none, one)).toBe('2026-02-27');
	});

	it('band dates and standing agree with the days off on every day of the term', () => {
		const off = termDaysOff([closure('2026-01-20'), suspension('2026-01-28')]);
		const at = filed('2026-01-15');
		const due = dueDate(at, 15, off);
		const dates = { ...bandDates(at, due, 0, off), dueDate: due };
		for (let day = 1; day <= 25; day += 1) {
			const date = addBusinessDays('2026-01-15', day);
			const now = instantAt(date, '12:00');
			const clock = { filedAt: at, dueDate: due, pausedDays: 0, pausedAt: null };
			expect(bandOn(date, dates), date).toBe(standing(clock, now, off).band);
		}
		expect(standing({ filedAt: at, dueDate: due, pausedDays: 0, pausedAt: null }, at, off)).toEqual(
			expect.objectContaining({ termDays: 15 })
		);
	});
});

describe('the list of non-working days', () => {
	const days = [closure('2026-12-07'), suspension('2026-12-09'), closure('2026-11-30')];

	it('closures close the office; suspensions only stop the terms', () => {
		expect([...closedDays(days)].sort()).toEqual(['2026-11-30', '2026-12-07']);
		expect([...termDaysOff(days)].sort()).toEqual(['2026-11-30', '2026-12-07', '2026-12-09']);
	});

	it('lists the days from today on, in date order', () => {
		expect(upcoming(days, '2026-12-01').map((day) => day.date)).toEqual([
			'2026-12-07',
			'2026-12-09'
		]);
	});

	it('tells the dates a change adds or removes, and the closures it adds', () => {
		const after = [closure('2026-12-07'), closure('2026-12-09')];
		expect(changedDates(termDaysOff(days), termDaysOff(after))).toEqual(['2026-11-30']);
		expect(newClosures(days, after).map((day) => day.date)).toEqual(['2026-12-09']);
	});
});

describe('slots and call backs on a closure', () => {
	const rules: SlotRules = {
		officeHours: { days: [1, 2, 3, 4, 5], opens: '08:00', closes: '12:00' },
		slotMinutes: 30,
		minimumNoticeHours: 2,
		bookingWindowDays: 30
	};
	const now = instantAt('2026-12-01', '09:00');

	it('a closed day offers no slot and its starts are not bookable; a suspension keeps them', () => {
		// 8 December is a public holiday.
		const closed = closedDays([closure('2026-12-10'), suspension('2026-12-11')]);
		const offered = bookableStarts('2026-12-09', '2026-12-11', now, rules, closed);
		expect(offered.map((day) => day.date)).toEqual(['2026-12-09', '2026-12-11']);
		expect(isBookable(instantAt('2026-12-10', '09:00'), now, rules)).toBe(true);
		expect(isBookable(instantAt('2026-12-10', '09:00'), now, rules, closed)).toBe(false);
	});

	it('call backs skip a closed day', () => {
		const hours = { days: [1, 2, 3, 4, 5], opens: '08:00', closes: '17:00' };
		const closed = closedDays([closure('2026-12-02')]);
		expect(callbackDays(hours, now, 2)).toEqual(['2026-12-01', '2026-12-02']);
		expect(callbackDays(hours, now, 2, closed)).toEqual(['2026-12-01', '2026-12-03']);
	});
});
