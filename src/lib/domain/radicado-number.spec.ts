import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatRadicado, normaliseRadicado, parseRadicado } from './radicado-number';

describe('radicado numbers', () => {
	it('pads the sequence to six digits', () => {
		expect(formatRadicado({ year: 2026, sequence: 123 })).toBe('1-2026-000123');
	});

	it('reads what it writes', () => {
		fc.assert(
			fc.property(
				fc.integer({ min: 2000, max: 9999 }),
				fc.integer({ min: 1, max: 99_999_999 }),
				(year, sequence) => {
					expect(parseRadicado(formatRadicado({ year, sequence }))).toEqual({ year, sequence });
				}
			)
		);
	});

	it('accepts spaces and typographic dashes', () => {
		expect(normaliseRadicado(' 1 – 2026 – 000123 ')).toBe('1-2026-000123');
	});

	it.each(['', '2-2026-000001', '1-2026-12', '1-2026-000000', 'abc', '1-26-000001'])(
		'refuses %j',
		(input) => {
			expect(parseRadicado(input)).toBeNull();
		}
	);
});
