import type { RequestEvent } from '@sveltejs/kit';
import { isReference, normaliseReference } from '$lib/domain/slots';
import type { Database } from '../db';
import { Problem } from '../http/problem';
import { appointments, type Appointment } from '.';
import { accessCookie } from './flow';

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
	if (!isReference(reference)) throw new Problem(404, 'APPOINTMENT_NOT_FOUND', { ns: 'booking' });
	const header = event.request.headers.get('authorization') ?? '';
	const bearer = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
	const token = bearer ?? (options.queryToken ? event.url.searchParams.get('token') : null);
	if (token) return appointments.open(db, reference, token);
	if (options.queryToken && accessCookie.allows(event.cookies, reference)) {
		return appointments.byReference(db, reference);
	}
	throw new Problem(401, 'UNAUTHORIZED', {
		ns: 'booking',
		headers: { 'www-authenticate': 'Bearer' }
	});
}
