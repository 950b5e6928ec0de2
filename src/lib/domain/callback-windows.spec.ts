import { describe, expect, it } from 'vitest';
import { instantAt } from './calendar';
import { callbackDays, callbackWindows, windowIsOpen } from './callback-windows';

const hours = { days: [1, 2, 3, 4, 5], opens: '08:00', closes: '17:00' };

describe('callbackWindows', () => {
	it('cuts 08:00–17:00 into two-hour windows', () => {
		expect(callbackWindows(hours)).toEqual([
			{ start: '08:00', end: '10:00' },
			{ start: '10:00', end: '12:00' },
			{ start: '12:00', end: '14:00' },
			{ start: '14:00', end: '16:00' },
			{ start: '16:00', end: '17:00' }
		]);
	});
});

describe('callbackDays', () => {
	it('offers today while a window is still ahead', () => {
		expect(callbackDays(hours, instantAt('2026-11-24', '09:00'), 2)).toEqual([
			'2026-11-24',
			'2026-11-25'
		]);
	});

	it('starts tomorrow after the last window has begun', () => {
		expect(callbackDays(hours, instantAt('2026-11-24', '16:30'), 1)).toEqual(['2026-11-25']);
	});

	it('skips the weekend and the Monday holiday', () => {
		// Friday 2026-11-13; Monday 16 is a holiday (Independencia de Cartagena).
		expect(callbackDays(hours, instantAt('2026-11-13', '18:00'), 2)).toEqual([
			'2026-11-17',
			'2026-11-18'
		]);
	});
});

describe('windowIsOpen', () => {
	it('closes a window of today once it has ended', () => {
		const now = instantAt('2026-11-24', '10:30');
		expect(windowIsOpen('2026-11-24', { start: '08:00', end: '10:00' }, now)).toBe(false);
		expect(windowIsOpen('2026-11-24', { start: '10:00', end: '12:00' }, now)).toBe(true);
		expect(windowIsOpen('2026-11-25', { start: '08:00', end: '10:00' }, now)).toBe(true);
	});
});
