import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatPhone, normalisePhone } from './phone';

describe('normalisePhone', () => {
	it('accepts a mobile number written with spaces', () => {
		expect(normalisePhone('300 123 4567')).toEqual({ ok: true, e164: '+573001234567' });
	});

	it('accepts a mobile number with the country code', () => {
		expect(normalisePhone('+57 (310) 555-1234')).toEqual({ ok: true, e164: '+573105551234' });
		expect(normalisePhone('573105551234')).toEqual({ ok: true, e164: '+573105551234' });
	});

	it('accepts a landline of La Guajira with its 605 area code', () => {
		expect(normalisePhone('605 727 1234')).toEqual({ ok: true, e164: '+576057271234' });
	});

	it('asks for the area code of an old seven-digit landline', () => {
		expect(normalisePhone('727 1234')).toEqual({ ok: false, problem: 'missingAreaCode' });
	});

	it('refuses the toll-free line, which cannot receive calls', () => {
		expect(normalisePhone('01 8000 910 180')).toEqual({ ok: false, problem: 'tollFree' });
	});

	it('refuses foreign numbers and letters', () => {
		expect(normalisePhone('+1 202 555 0100')).toEqual({ ok: false, problem: 'invalid' });
		expect(normalisePhone('300-CALL-ME')).toEqual({ ok: false, problem: 'invalid' });
	});

	it('says an empty field is empty', () => {
		expect(normalisePhone('   ')).toEqual({ ok: false, problem: 'empty' });
	});

	it('gives the same number however it is written', () => {
		fc.assert(
			fc.property(
				fc.stringMatching(/^3[0-5]\d{8}$/),
				fc.constantFrom('', '+57 ', '57'),
				(national, prefix) => {
					const spaced = `${prefix}${national.slice(0, 3)} ${national.slice(3, 6)}-${national.slice(6)}`;
					const result = normalisePhone(spaced);
					return result.ok && result.e164 === `+57${national}`;
				}
			)
		);
	});
});

describe('formatPhone', () => {
	it('groups the digits for reading', () => {
		expect(formatPhone('+573001234567')).toBe('+57 300 123 4567');
	});
});
