import { error, redirect, type Cookies } from '@sveltejs/kit';
import { allows, SESSION_HOURS, type StaffRole, type StaffUser } from '../staff';

/**
 * `__Host-` makes the browser refuse the cookie unless it is Secure, host-only and for path /.
 * Chromium accepts Secure cookies from http://localhost, so tests run over plain HTTP.
 */
export const SESSION_COOKIE = '__Host-ventanilla_staff';

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

/**
 * The official of a console page or form action. Form actions run without the layout's load, so
 * each page and action calls this: no session → the sign-in page; a role that is not enough → 403
 * (given several roles, any one of them is enough).
 */
export function signedIn(
	locals: App.Locals,
	url: URL,
	needed: StaffRole | readonly StaffRole[] = 'agent'
): StaffUser {
	if (!locals.staff) {
		redirect(303, `/staff/entrar?volver=${encodeURIComponent(url.pathname + url.search)}`);
	}
	const { roles } = locals.staff;
	const anyOf = typeof needed === 'string' ? [needed] : needed;
	if (!anyOf.some((role) => allows(roles, role))) error(403, 'Forbidden');
	return locals.staff;
}

/**
 * An official's first page: the agenda, or the Wayuunaiki studio for translators and reviewers,
 * or the content studio for editors.
 */
export function homeFor(roles: readonly StaffRole[]): string {
	if (allows(roles, 'agent')) return '/staff/agenda';
	if (roles.includes('translator') || roles.includes('reviewer')) return '/staff/traducciones';
	if (roles.includes('editor')) return '/staff/contenido';
	return '/staff/agenda';
}

/** Where to go after signing in: only a console page of this site, else the official's first page. */
export function returnPath(raw: string | null, roles: readonly StaffRole[] = ['agent']): string {
	return raw && /^\/staff\/[\w/?=&%.-]*$/.test(raw) && !raw.startsWith('/staff/entrar')
		? raw
		: homeFor(roles);
}
