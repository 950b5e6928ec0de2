import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import { normaliseReference } from '$lib/domain/slots';
import type { Locale } from '$lib/i18n/locales';
import type { Appointment } from '../appointments';
import { calls, type ParticipantPass } from '../calls';
import { roomKeyMatches } from '../calls/links';
import type { Database } from '../db';
import { isDomainError } from '../errors';
import { accessCookie } from './booking-journey';

/** Call pages may use the camera and microphone of this site, and nothing else. */
export const MEDIA_PERMISSIONS =
	'camera=(self), microphone=(self), geolocation=(), payment=(), usb=()';

/** The signalling answers change with every look: never cached. */
export const NO_STORE = { 'cache-control': 'no-store' };

/** The call of the address's reference (CALL_NOT_FOUND when none, or the built-in room is off). */
export function callOf(db: Database, event: RequestEvent): Promise<Appointment> {
	return calls.byReference(db, event.params.reference ?? '');
}

export function bearer(event: RequestEvent): string | null {
	const header = event.request.headers.get('authorization') ?? '';
	return /^Bearer\s+(\S+)$/i.exec(header)?.[1] ?? null;
}

/** The joined browser of the address: its token must be for the participant named in the path. */
export function participantOf(event: RequestEvent, appointment: Appointment): ParticipantPass {
	return calls.readParticipant(bearer(event), appointment, event.params.id ?? '');
}

/** The call endpoints' Authorization headers and shared answers, for the OpenAPI document. */
export const callDocs = {
	room: {
		Authorization: { required: true, description: 'api:operations.calls.auth.room' }
	},
	participant: {
		Authorization: { required: true, description: 'api:operations.calls.auth.participant' }
	},
	any: {
		401: { description: 'api:operations.calls.responses.401' },
		404: { description: 'api:operations.calls.responses.404' }
	},
	json: {
		400: { description: 'api:common.malformedJson' },
		413: { description: 'api:common.tooLarge' },
		415: { description: 'api:common.notJson' },
		422: { description: 'api:operations.calls.responses.422' }
	}
};

/** A console page's call: 404 when there is none or the built-in room is off. */
export async function officialCall(db: Database, rawReference: string): Promise<Appointment> {
	return calls.byReference(db, rawReference).catch((caught: unknown) => {
		if (isDomainError(caught, 'CALL_NOT_FOUND')) error(404, 'Not found');
		throw caught;
	});
}

/**
 * The citizen's call: opened by the key in the link (made from the manage token), or by this
 * browser's permission to manage the appointment. Anything else goes to the look-up form.
 */
export async function citizenCall(
	db: Database,
	event: Pick<RequestEvent, 'cookies' | 'url' | 'params'>,
	lang: Locale
): Promise<Appointment> {
	if (!calls.enabled()) error(404, 'Not found');
	const reference = normaliseReference(event.params.reference ?? '');
	const found = await calls.byReference(db, reference).catch((caught: unknown) => {
		if (isDomainError(caught, 'CALL_NOT_FOUND')) return undefined;
		throw caught;
	});
	const key = event.url.searchParams.get('llave') ?? '';
	const allowed =
		found &&
		((key && roomKeyMatches(key, found.manageTokenHash)) ||
			accessCookie.allows(event.cookies, found.reference));
	if (!allowed) redirect(303, `/${lang}/citas/gestionar?ref=${encodeURIComponent(reference)}`);
	return found;
}
