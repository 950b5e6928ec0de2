/**
 * The refusals a service can give, by code. Services throw DomainError and know nothing of HTTP:
 * `http/problems.ts` maps each code to a status and a problem+json answer, and `web/forms.ts` to
 * a form's error message.
 */
export const ERROR_CODES = [
	// Anything
	'NOT_FOUND',
	'VALIDATION_FAILED',
	'IDEMPOTENCY_KEY_INVALID',
	'IDEMPOTENCY_KEY_REUSED',
	// Appointments
	'SLOT_UNAVAILABLE',
	'SLOT_NOT_OFFERED',
	'DAY_CLOSED',
	'TOO_MANY_APPOINTMENTS',
	'APPOINTMENT_NOT_FOUND',
	'APPOINTMENT_NOT_CHANGEABLE',
	'APPOINTMENT_LOOKUP_LIMITED',
	'BOOKING_LIMITED',
	'PHONE_BOOKING_LIMITED',
	'EMAIL_LIMITED',
	'CONFIRMATION_LIMITED',
	'HOLD_EXPIRED',
	'UNAUTHORIZED',
	'WAIT_NOT_ELAPSED',
	'TOO_EARLY',
	'OUTCOME_ALREADY_RECORDED',
	// Video calls
	'CALL_NOT_FOUND',
	'CALL_PASS_INVALID',
	'ROOM_NOT_OPEN',
	'CALL_ENDED',
	'APPOINTMENT_NOT_CONFIRMED',
	'ROOM_FULL',
	'PARTICIPANT_LEFT',
	'PARTICIPANT_NOT_FOUND',
	'TOO_MANY_SIGNALS',
	'CITIZEN_JOINED',
	// Petitions
	'LOOKUP_LIMITED',
	'EXTENSION_INVALID',
	'EVENT_NOT_ALLOWED',
	// Staff accounts
	'UNAUTHENTICATED',
	'FORBIDDEN',
	'INVALID_CREDENTIALS',
	'SIGN_IN_LIMITED',
	'STAFF_NOT_FOUND',
	// Call-backs and surveys
	'CALLBACK_CLOSED',
	'CALLBACK_TOO_EARLY',
	'ALREADY_ANSWERED',
	// Wayuunaiki studio: translations and recordings
	'PLACEHOLDERS_DIFFER',
	'NOTHING_TO_REVIEW',
	'OWN_TEXT',
	'TEXT_CHANGED',
	'SOURCE_CHANGED',
	'SHEET_INVALID',
	'AUDIO_UNREADABLE',
	'AUDIO_TOO_SHORT',
	'AUDIO_TOO_LONG',
	// Content studio
	'OWN_CHANGE'
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** A field the refusal is about; `message` is a message key or a short reason such as "too_late". */
export interface FieldError {
	path: string;
	message: string;
}

export interface ErrorDetails {
	/** Values for the localised message, e.g. { minutes: 15 }. */
	values?: Record<string, unknown>;
	fields?: FieldError[];
	/** Facts the caller can act on, e.g. the nearest free slots; answered as they are. */
	extra?: Record<string, unknown>;
	/** Seconds before trying again makes sense (rate limits). */
	retryAfter?: number;
}

export class DomainError extends Error {
	constructor(
		readonly code: ErrorCode,
		readonly details: ErrorDetails = {}
	) {
		super(code);
		this.name = 'DomainError';
	}
}

/** Whether `error` is a refusal, optionally one of the given codes. */
export function isDomainError(error: unknown, ...codes: ErrorCode[]): error is DomainError {
	return error instanceof DomainError && (codes.length === 0 || codes.includes(error.code));
}
