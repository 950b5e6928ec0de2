import { redirect, type Cookies, type RequestEvent } from '@sveltejs/kit';
import { isReference, normaliseReference } from '$lib/domain/slots';
import type { Locale } from '$lib/i18n/locales';
import { appointments, type Appointment } from '../appointments';
import { database, type Database } from '../db';
import { DomainError } from '../errors';
import { accessCookie } from './booking-journey';

/**
 * The appointment an API request may touch: the reference in the path and the manage token as
 * a Bearer token (or ?token= for the calendar link, or the page's signed access cookie).
 */
export async function authorised(
	db: Database,
	event: RequestEvent,
	options: { queryToken?: boolean } = {}
): Promise<Appointment> {
	const reference = normaliseReference(event.params.reference ?? '');
	if (!isReference(reference)) throw new DomainError('APPOINTMENT_NOT_FOUND');
	const header = event.request.headers.get('authorization') ?? '';
	const bearer = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
	const token = bearer ?? (options.queryToken ? event.url.searchParams.get('token') : null);
	if (token) return appointments.open(db, reference, token);
	if (options.queryToken && accessCookie.allows(event.cookies, reference)) {
		return appointments.byReference(db, reference);
	}
	throw new DomainError('UNAUTHORIZED');
}

/**
 * The appointment a manage page shows: by the token in the link (which then lets this browser
 * in for a while) or by that permission; otherwise the person is asked for reference and document.
 */
export async function managed(
	cookies: Cookies,
	lang: Locale,
	rawReference: string,
	token: string | null
): Promise<Appointment> {
	const reference = normaliseReference(rawReference);
	const db = await database();
	if (token && isReference(reference)) {
		const found = await appointments.open(db, reference, token).catch(() => undefined);
		if (found) {
			accessCookie.grant(cookies, reference);
			return found;
		}
	}
	if (isReference(reference) && accessCookie.allows(cookies, reference)) {
		return appointments.byReference(db, reference);
	}
	redirect(303, `/${lang}/citas/gestionar?ref=${encodeURIComponent(reference)}`);
}
