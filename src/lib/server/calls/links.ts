import { isLocale } from '$lib/i18n/locales';
import { config, type CallConfig } from '../config';
import { keyedHash, sameText } from '../crypto';

/** What an appointment needs for its links; none of it is personal data. */
export interface LinkedAppointment {
	reference: string;
	locale: string;
	/** The external platform's address, stored at booking (used with VIDEO_PROVIDER=external). */
	videoUrl: string;
	manageTokenHash: string;
}

/**
 * The citizen's key to the call room, made from the manage token's hash: any page or email can
 * give it without the token, and it stops working when the token is replaced (a failed call asks
 * for a new time with a new token). It opens the room only, never the change or cancel pages.
 */
export function roomKey(manageTokenHash: string): string {
	return keyedHash(`call-room:${manageTokenHash}`, 'base64url').slice(0, 32);
}

export function roomKeyMatches(key: string, manageTokenHash: string): boolean {
	return sameText(key, roomKey(manageTokenHash));
}

function localeOf(appointment: LinkedAppointment): string {
	return isLocale(appointment.locale) ? appointment.locale : 'es';
}

/** The citizen's link to the room: the reference and the key, nothing about the person. */
export function citizenRoomUrl(appointment: LinkedAppointment): string {
	const key = roomKey(appointment.manageTokenHash);
	return `${config.origin}/${localeOf(appointment)}/citas/sala/${appointment.reference}?llave=${key}`;
}

/** The official's way into the room (their staff session authorises it). */
export function officialRoomUrl(reference: string): string {
	return `${config.origin}/staff/sala/${reference}`;
}

/** The interpreter's link: a random key, so it says nothing of the appointment or the person. */
export function interpreterUrl(key: string, locale = 'es'): string {
	return `${config.origin}/${locale}/citas/interprete/${key}`;
}

/** The camera and microphone check, for the confirmation page and the emails. */
export function checkPageUrl(locale: string): string {
	return `${config.origin}/${isLocale(locale) ? locale : 'es'}/citas/probar`;
}

/** The link a citizen is given for the video call: the built-in room, or the entity's platform. */
export function videoLink(
	appointment: LinkedAppointment,
	settings: Pick<CallConfig, 'provider'> = config.calls
): string {
	return settings.provider === 'external' ? appointment.videoUrl : citizenRoomUrl(appointment);
}

/** Where the official joins: the built-in room, or the entity's platform. */
export function officialVideoLink(
	appointment: LinkedAppointment,
	settings: Pick<CallConfig, 'provider'> = config.calls
): string {
	return settings.provider === 'external'
		? appointment.videoUrl
		: officialRoomUrl(appointment.reference);
}
