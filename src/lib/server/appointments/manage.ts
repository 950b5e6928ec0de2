import { redirect, type Cookies } from '@sveltejs/kit';
import { isReference, normaliseReference } from '$lib/domain/slots';
import type { Locale } from '$lib/i18n/locales';
import { database } from '../db';
import { appointments, type Appointment } from '.';
import { accessCookie } from './flow';

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
