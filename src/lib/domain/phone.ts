import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { z } from 'zod';

/**
 * The one rule for every phone field (bookings, call-backs, petitions): a Colombian mobile or
 * landline, written however people write it, stored as E.164 (+57…). Since 2021 every number
 * has 10 digits: mobiles start with 3, landlines with 60 and the region digit (601 Bogotá, 605
 * La Guajira…). The entity's lines call Colombian numbers only, so other countries are refused.
 */
export type PhoneProblem = 'empty' | 'invalid' | 'missingAreaCode' | 'tollFree';

export type PhoneResult = { ok: true; e164: string } | { ok: false; problem: PhoneProblem };

const CALLABLE = new Set(['MOBILE', 'FIXED_LINE', 'FIXED_LINE_OR_MOBILE']);

export function normalisePhone(input: string): PhoneResult {
	const trimmed = input.trim();
	if (!trimmed) return { ok: false, problem: 'empty' };
	// The library reads letters as keypad digits (300-CALL-ME); nobody means that in a form.
	if (/[^\d\s()+.-]/.test(trimmed)) return { ok: false, problem: 'invalid' };
	// "(+57) 300…" and "(605) 727…" are common; the library reads them only without brackets.
	const number = parsePhoneNumberFromString(trimmed.replace(/[()]/g, ''), {
		defaultCountry: 'CO',
		extract: false
	});
	if (number?.country === 'CO' && number.getType() === 'TOLL_FREE') {
		return { ok: false, problem: 'tollFree' };
	}
	if (!number?.isValid() || number.country !== 'CO' || !CALLABLE.has(number.getType() ?? '')) {
		// Landlines had 7 digits until 2021: the area code is what is missing.
		const digits = trimmed.replace(/\D/g, '');
		const local = !trimmed.startsWith('+') && digits.length === 7;
		return { ok: false, problem: local ? 'missingAreaCode' : 'invalid' };
	}
	return { ok: true, e164: number.number };
}

const messages: Record<PhoneProblem, string> = {
	empty: 'validation:phone.empty',
	invalid: 'validation:phone.invalid',
	missingAreaCode: 'validation:phone.missingAreaCode',
	tollFree: 'validation:phone.tollFree'
};

function toE164(value: string, ctx: z.RefinementCtx<string | undefined>): string {
	const result = normalisePhone(value);
	if (result.ok) return result.e164;
	ctx.addIssue({ code: 'custom', message: messages[result.problem] });
	return z.NEVER;
}

/** A phone the form needs (a call-back): E.164, or the field's message. */
export const phoneSchema = z.string({ error: messages.empty }).transform(toE164);

/** A phone the person may leave blank (a booking, a petition): E.164 or undefined. */
export const optionalPhoneSchema = z
	.string({ error: messages.invalid })
	.optional()
	.transform((value, ctx) => (value?.trim() ? toE164(value, ctx) : undefined));
