/**
 * Colombian phone numbers, normalised to E.164 (+57…). Since 2021 every number has 10 digits:
 * mobiles start with 3, landlines with 60 and the region digit (601 Bogotá, 605 La Guajira…).
 */
export type PhoneProblem = 'empty' | 'invalid' | 'missingAreaCode' | 'tollFree';

export type PhoneResult = { ok: true; e164: string } | { ok: false; problem: PhoneProblem };

export function normalisePhone(input: string): PhoneResult {
	const trimmed = input.trim();
	if (!trimmed) return { ok: false, problem: 'empty' };
	if (/[^\d\s()+.-]/.test(trimmed)) return { ok: false, problem: 'invalid' };
	let digits = trimmed.replace(/\D/g, '');
	if (trimmed.startsWith('+')) {
		if (!digits.startsWith('57')) return { ok: false, problem: 'invalid' };
		digits = digits.slice(2);
	} else if (digits.length === 12 && digits.startsWith('57')) {
		digits = digits.slice(2);
	}
	if (digits.startsWith('018000') || digits.startsWith('18000'))
		return { ok: false, problem: 'tollFree' };
	if (digits.length === 7) return { ok: false, problem: 'missingAreaCode' };
	if (digits.length !== 10) return { ok: false, problem: 'invalid' };
	if (/^3[0-5]\d{8}$/.test(digits) || /^60[1-8]\d{7}$/.test(digits)) {
		return { ok: true, e164: `+57${digits}` };
	}
	return { ok: false, problem: 'invalid' };
}

/** "+57 300 123 4567" or "+57 605 123 4567", for reading aloud and on screen. */
export function formatPhone(e164: string): string {
	const national = e164.replace(/^\+57/, '');
	return `+57 ${national.slice(0, 3)} ${national.slice(3, 6)} ${national.slice(6)}`;
}
