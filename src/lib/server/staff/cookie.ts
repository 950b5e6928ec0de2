import type { Cookies } from '@sveltejs/kit';
import { clock } from '../clock';
import { SESSION_COOKIE } from '.';

/**
 * HttpOnly (no script reads it), Secure, SameSite=Strict (no cross-site request carries it). Its
 * life is given in seconds (Max-Age), not as a date: the browser counts from its own clock, which
 * need not agree with the app's.
 */
export const sessionCookie = {
	set(cookies: Cookies, token: string, expiresAt: Date): void {
		const seconds = Math.max(0, Math.round((expiresAt.getTime() - clock.now().getTime()) / 1000));
		cookies.set(SESSION_COOKIE, token, {
			path: '/',
			httpOnly: true,
			secure: true,
			sameSite: 'strict',
			maxAge: seconds
		});
	},
	get(cookies: Cookies): string | undefined {
		return cookies.get(SESSION_COOKIE);
	},
	clear(cookies: Cookies): void {
		cookies.delete(SESSION_COOKIE, { path: '/', httpOnly: true, secure: true, sameSite: 'strict' });
	}
};
