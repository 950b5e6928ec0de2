import { describe, expect, it } from 'vitest';
import { formatClock, formatDays } from './office-hours';

const joiner = { to: 'a', and: 'y' };

describe('office hours', () => {
	it('writes a morning time the Colombian way', () => {
		expect(formatClock('08:00').replace(/\s/g, ' ')).toMatch(/^8:00 a/);
	});

	it('writes an afternoon time in twelve-hour form', () => {
		expect(formatClock('17:00').replace(/\s/g, ' ')).toMatch(/^5:00 p/);
	});

	it('writes consecutive days as a range', () => {
		expect(formatDays({ days: [1, 2, 3, 4, 5], opens: '08:00', closes: '17:00' }, joiner)).toBe(
			'lunes a viernes'
		);
	});

	it('lists days that are not consecutive', () => {
		expect(formatDays({ days: [1, 3], opens: '08:00', closes: '12:00' }, joiner)).toBe(
			'lunes y miércoles'
		);
	});
});
