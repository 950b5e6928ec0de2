import { describe, expect, it } from 'vitest';
import { nearDayInWords } from './dates-in-words';

describe('nearDayInWords', () => {
	const thursday = new Date('2030-01-03T10:00:00-05:00');

	it('names the weekday and the day, without the month within the same month', () => {
		expect(nearDayInWords(thursday, new Date('2030-01-01T08:00:00-05:00'))).toBe('jueves 3');
	});

	it('adds the month when the day is in another month', () => {
		expect(nearDayInWords(thursday, new Date('2029-12-31T08:00:00-05:00'))).toBe(
			'jueves 3 de enero'
		);
	});

	it('reads the day in Bogotá, whatever the UTC date', () => {
		const lateEvening = new Date('2030-01-03T22:30:00-05:00');
		expect(nearDayInWords(lateEvening, new Date('2030-01-02T08:00:00-05:00'))).toBe('jueves 3');
	});
});
