import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { callbackSchema } from '$lib/server/engagement/callbacks';
import { filingSchema } from '$lib/server/radicados/schema';
import { bookingSchema } from './appointments';
import { normalisePhone, optionalPhoneSchema, phoneSchema } from './phone';
import { formatPhone } from './phone-format';

describe('normalisePhone', () => {
	it('accepts a mobile number written with spaces', () => {
		expect(normalisePhone('300 123 4567')).toEqual({ ok: true, e164: '+573001234567' });
	});

	it('accepts a mobile number with the country code', () => {
		expect(normalisePhone('+57 (310) 555-1234')).toEqual({ ok: true, e164: '+573105551234' });
		expect(normalisePhone('(+57) 310 555 1234')).toEqual({ ok: true, e164: '+573105551234' });
		expect(normalisePhone('573105551234')).toEqual({ ok: true, e164: '+573105551234' });
	});

	it('accepts a landline of La Guajira with its 605 area code', () => {
		expect(normalisePhone('605 727 1234')).toEqual({ ok: true, e164: '+576057271234' });
		expect(normalisePhone('(605) 7271234')).toEqual({ ok: true, e164: '+576057271234' });
	});

	it('accepts a landline of Bogotá', () => {
		expect(normalisePhone('601 345 6789')).toEqual({ ok: true, e164: '+576013456789' });
	});

	it('asks for the area code of an old seven-digit landline', () => {
		expect(normalisePhone('727 1234')).toEqual({ ok: false, problem: 'missingAreaCode' });
	});

	it('refuses the toll-free line, which cannot receive calls', () => {
		expect(normalisePhone('01 8000 910 180')).toEqual({ ok: false, problem: 'tollFree' });
		expect(normalisePhone('018000910180')).toEqual({ ok: false, problem: 'tollFree' });
	});

	it('refuses numbers no operator has (a mobile prefix not assigned, a digit too many)', () => {
		expect(normalisePhone('331 100 0001')).toEqual({ ok: false, problem: 'invalid' });
		expect(normalisePhone('300 123 45678')).toEqual({ ok: false, problem: 'invalid' });
		expect(normalisePhone('+57 1 345 6789')).toEqual({ ok: false, problem: 'invalid' });
	});

	it('refuses foreign numbers and letters', () => {
		expect(normalisePhone('+1 202 555 0100')).toEqual({ ok: false, problem: 'invalid' });
		expect(normalisePhone('+58 412 123 4567')).toEqual({ ok: false, problem: 'invalid' });
		expect(normalisePhone('300-CALL-ME')).toEqual({ ok: false, problem: 'invalid' });
		expect(normalisePhone('300 123 4567 ext 2')).toEqual({ ok: false, problem: 'invalid' });
	});

	it('says an empty field is empty', () => {
		expect(normalisePhone('   ')).toEqual({ ok: false, problem: 'empty' });
	});

	it('gives the same number however it is written', () => {
		fc.assert(
			fc.property(
				fc.constantFrom('300', '305', '310', '315', '321', '350'),
				fc.stringMatching(/^\d{7}$/),
				fc.constantFrom('', '+57 ', '57', '(+57) '),
				(operator, subscriber, prefix) => {
					const spaced = `${prefix}${operator} ${subscriber.slice(0, 3)}-${subscriber.slice(3)}`;
					const result = normalisePhone(spaced);
					return result.ok && result.e164 === `+57${operator}${subscriber}`;
				}
			)
		);
	});
});

describe('the phone fields', () => {
	const message = (result: { error?: { issues: { message: string }[] } }) =>
		result.error?.issues.map((issue) => issue.message);

	it('store E.164 and name one message per problem, the same in every form', () => {
		expect(phoneSchema.parse(' 605 727 1234 ')).toBe('+576057271234');
		expect(optionalPhoneSchema.parse('300 123 4567')).toBe('+573001234567');
		expect(message(phoneSchema.safeParse('12'))).toEqual(['validation:phone.invalid']);
		expect(message(optionalPhoneSchema.safeParse('12'))).toEqual(['validation:phone.invalid']);
		expect(message(phoneSchema.safeParse('727 1234'))).toEqual([
			'validation:phone.missingAreaCode'
		]);
	});

	it('require a number only where the form needs one', () => {
		expect(message(phoneSchema.safeParse(''))).toEqual(['validation:phone.empty']);
		expect(message(phoneSchema.safeParse(undefined))).toEqual(['validation:phone.empty']);
		expect(optionalPhoneSchema.parse('  ')).toBeUndefined();
		expect(optionalPhoneSchema.parse(undefined)).toBeUndefined();
	});
});

describe('every form with a phone', () => {
	const forms = {
		booking: (phone: string) =>
			bookingSchema.safeParse({
				topic: 'informacion-general',
				start: '2030-02-05T09:00:00-05:00',
				consent: true,
				name: 'Ana Epieyú',
				documentType: 'CC',
				documentNumber: '40123456',
				email: 'ana@example.com',
				phone,
				callLanguage: 'es'
			}),
		callback: (phone: string) =>
			callbackSchema(() => new Date('2026-11-24T07:00:00-05:00')).safeParse({
				name: 'Ana Epieyú',
				phone,
				language: 'es',
				topic: 'otro',
				day: '2026-11-24',
				window: '08:00-10:00',
				consent: true
			}),
		petition: (phone: string) =>
			filingSchema.safeParse({
				type: 'peticion',
				subject: 'Subsidio de gas',
				description: 'Pido revisar el subsidio de gas de mi vivienda.',
				identity: 'identified',
				name: 'Ana Epieyú',
				phone,
				contactPreference: 'phone',
				consent: true
			})
	};

	for (const [form, parse] of Object.entries(forms)) {
		it(`stores a ${form}'s landline in E.164 and refuses a bad number with the same message`, () => {
			const good = parse('(605) 727 1234');
			expect(good.success && (good.data as { phone?: string }).phone).toBe('+576057271234');
			const bad = parse('300 123');
			expect(bad.error?.issues).toEqual([
				expect.objectContaining({ path: ['phone'], message: 'validation:phone.invalid' })
			]);
		});
	}
});

describe('formatPhone', () => {
	it('groups the digits for reading', () => {
		expect(formatPhone('+573001234567')).toBe('+57 300 123 4567');
	});

	it('shows a number stored before the rule as it was written', () => {
		expect(formatPhone('727 1234')).toBe('727 1234');
	});
});
