import type { Cookies } from '@sveltejs/kit';
import { SESSION_COOKIE } from '.';

/** HttpOnly (no script reads it), Secure, SameSite=Strict (no cross-site request carries it). */
export const sessionCookie = {
	set(cookies: Cookies, token: string, expiresAt: Date): void {
		cookies.set(SESSION_COOKIE, token, {
			path: '/',
			httpOnly: true,
			secure: true,
			sameSite: 'strict',
			expires: expiresAt
		});
	},
	get(cookies: Cookies): string | undefined {
		return cookies.get(SESSION_COOKIE);
	},
	clear(cookies: Cookies): void {
		cookies.delete(SESSION_COOKIE, { path: '/', httpOnly: true, secure: true, sameSite: 'strict' });
	}
};
