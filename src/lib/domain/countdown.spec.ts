import { describe, expect, it } from 'vitest';
import { countdown } from './countdown';

const start = Date.parse('2030-02-07T10:00:00-05:00');
const end = Date.parse('2030-02-07T10:30:00-05:00');
const before = (minutes: number) => start - minutes * 60_000;

describe('countdown', () => {
	it('names the day and time instead of counting when the start is more than an hour away', () => {
		expect(countdown(start, end, before(2529))).toEqual({ kind: 'later' });
		expect(countdown(start, end, before(61))).toEqual({ kind: 'later' });
	});

	it('counts the minutes within the last hour', () => {
		expect(countdown(start, end, before(60))).toEqual({ kind: 'in', minutes: 60 });
		expect(countdown(start, end, before(0.5))).toEqual({ kind: 'in', minutes: 1 });
	});

	it('says it starts now, then how long ago it started, then that it ended', () => {
		expect(countdown(start, end, start)).toEqual({ kind: 'now' });
		expect(countdown(start, end, start + 12 * 60_000)).toEqual({ kind: 'ago', minutes: 12 });
		expect(countdown(start, end, end)).toEqual({ kind: 'ended' });
	});
});
