import type { Cookies } from '@sveltejs/kit';
import { dev } from '$app/environment';
import { signValue, verifyValue } from './secrets';

/**
 * The answers of the booking journey travel in a signed HttpOnly cookie: the pages work without
 * JavaScript and without server-side drafts, and the browser cannot alter what it carries.
 */
export interface Answers {
	topic?: string;
	day?: string;
	start?: string;
	name?: string;
	documentType?: string;
	documentNumber?: string;
	email?: string;
	phone?: string;
	description?: string;
	callLanguage?: string;
	accessibilityNeeds?: string;
	preferential?: string[];
	/** The free starts nearest to one that was taken while the person was booking it. */
	nearest?: string[];
}

const ANSWERS = 'citas_respuestas';
const ACCESS = 'citas_acceso';
const HOUR = 60 * 60;

function options(maxAge: number) {
	return { path: '/', httpOnly: true, sameSite: 'lax' as const, secure: !dev, maxAge };
}

export const answers = {
	read(cookies: Cookies): Answers {
		return verifyValue<Answers>(cookies.get(ANSWERS)) ?? {};
	},
	save(cookies: Cookies, next: Answers): void {
		cookies.set(ANSWERS, signValue(next), options(2 * HOUR));
	},
	clear(cookies: Cookies): void {
		cookies.delete(ANSWERS, { path: '/' });
	}
};

/**
 * After the manage link or the reference and document form, this browser may manage that
 * appointment for a while without carrying the token in every address.
 */
export const accessCookie = {
	grant(cookies: Cookies, reference: string): void {
		cookies.set(
			ACCESS,
			signValue({ reference, until: Date.now() + 2 * HOUR * 1000 }),
			options(2 * HOUR)
		);
	},
	allows(cookies: Cookies, reference: string): boolean {
		const value = verifyValue<{ reference: string; until: number }>(cookies.get(ACCESS));
		return !!value && value.reference === reference && value.until > Date.now();
	}
};
