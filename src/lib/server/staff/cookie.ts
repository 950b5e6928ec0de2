import type { Cookies } from '@sveltejs/kit';
import { SESSION_COOKIE, SESSION_HOURS } from '.';

/** HttpOnly (no script reads it), Secure, SameSite=Strict (no cross-site request carries it). */
export const sessionCookie = {
	/**
	 * The lifetime is relative (Max-Age), not a date: the browser judges it by its own clock, while
	 * the session row's expiry is judged by the app's clock.
	 */
	set(cookies: Cookies, token: string): void {
		cookies.set(SESSION_COOKIE, token, {
			path: '/',
			httpOnly: true,
			secure: true,
			sameSite: 'strict',
			maxAge: SESSION_HOURS * 3600
		});
	},
	get(cookies: Cookies): string | undefined {
		return cookies.get(SESSION_COOKIE);
	},
	clear(cookies: Cookies): void {
		cookies.delete(SESSION_COOKIE, { path: '/', httpOnly: true, secure: true, sameSite: 'strict' });
	}
};
