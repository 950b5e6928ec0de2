import { error, fail, redirect } from '@sveltejs/kit';
import { translator } from '$lib/i18n/translator';
import { Problem } from '../http/problem';
import { allows, type StaffRole, type StaffUser } from '.';

/**
 * The official of a console page or form action. Form actions run without the layout's load, so
 * each page and action calls this: no session → the sign-in page; a role that is not enough → 403.
 */
export function signedIn(locals: App.Locals, url: URL, needed: StaffRole = 'agent'): StaffUser {
	if (!locals.staff) {
		redirect(303, `/staff/entrar?volver=${encodeURIComponent(url.pathname + url.search)}`);
	}
	if (!allows(locals.staff.role, needed)) error(403, 'Forbidden');
	return locals.staff;
}

/** Where to go after signing in: only a console page of this site. */
export function returnPath(raw: string | null): string {
	return raw && /^\/staff\/[\w/?=&%.-]*$/.test(raw) && !raw.startsWith('/staff/entrar')
		? raw
		: '/staff/agenda';
}

/**
 * A service's refusal as a form failure: the message goes to the error summary, linked to
 * `field` (the control to fix). Anything else is rethrown.
 */
export async function failWith(
	caught: unknown,
	field: string,
	extra: Record<string, unknown> = {}
) {
	if (!(caught instanceof Problem)) throw caught;
	const { t } = await translator('es');
	const { ns, values } = caught.options;
	const key = ns ? `${ns}:problems.${caught.code}` : `problems:${caught.code}`;
	return fail(caught.status, { ...extra, errors: { [field]: t(`${key}.detail`, values) } });
}
