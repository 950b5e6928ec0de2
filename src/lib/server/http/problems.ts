import { isLocale, negotiate, type Locale } from '$lib/i18n/locales';
import { translator, type Translator } from '$lib/i18n/translator';
import type { DomainError, ErrorCode, ErrorDetails } from '../errors';

/** Refusals of the HTTP layer itself, beside the services' codes. */
export type ProblemCode =
	| ErrorCode
	| 'METHOD_NOT_ALLOWED'
	| 'INVALID_JSON'
	| 'INVALID_FORM'
	| 'UNSUPPORTED_MEDIA_TYPE'
	| 'BODY_TOO_LARGE'
	| 'DATABASE_DOWN'
	| 'SERVICE_UNAVAILABLE'
	| 'INTERNAL'
	| 'CROSS_SITE_FORM';

interface Entry {
	status: number;
	/** The locale namespace holding `problems.<code>`; the shared `problems` file otherwise. */
	ns?: string;
	headers?: Record<string, string>;
	/** How a page form shows the refusal (see formError); the detail text under `field` otherwise. */
	form?: {
		/** The control the message belongs to, whatever the page proposed. */
		field?: string;
		/** A message key, or one built from the refusal. */
		message?: string | ((details: ErrorDetails) => string);
		/** The refusal carries the nearest free times (`extra.nearest`) to offer instead. */
		nearest?: boolean;
		/** The form's one-time key is spent or unreadable: the page needs a fresh one. */
		renewKey?: boolean;
	};
}

/** Seconds a client should wait before trying again while the database is unavailable. */
export const RETRY_AFTER_SECONDS = 10;

/** Every code with its HTTP status and where its texts live: the one table of the API's errors. */
export const PROBLEMS: Record<ProblemCode, Entry> = {
	NOT_FOUND: { status: 404 },
	METHOD_NOT_ALLOWED: { status: 405 },
	INVALID_JSON: { status: 400 },
	INVALID_FORM: { status: 400 },
	UNSUPPORTED_MEDIA_TYPE: { status: 415 },
	BODY_TOO_LARGE: { status: 413 },
	VALIDATION_FAILED: { status: 422 },
	DATABASE_DOWN: { status: 503, headers: { 'retry-after': String(RETRY_AFTER_SECONDS) } },
	SERVICE_UNAVAILABLE: { status: 503, headers: { 'retry-after': String(RETRY_AFTER_SECONDS) } },
	INTERNAL: { status: 500 },
	CROSS_SITE_FORM: { status: 403 },
	IDEMPOTENCY_KEY_INVALID: {
		status: 400,
		form: { field: 'form', message: 'forms:errors.unreadable', renewKey: true }
	},
	IDEMPOTENCY_KEY_REUSED: {
		status: 422,
		form: { field: 'form', message: 'forms:errors.alreadySent', renewKey: true }
	},
	SLOT_UNAVAILABLE: {
		status: 409,
		ns: 'booking',
		form: { field: 'start', message: 'booking:time.taken', nearest: true }
	},
	SLOT_NOT_OFFERED: {
		status: 422,
		ns: 'booking',
		form: { field: 'start', message: 'booking:time.taken', nearest: true }
	},
	DAY_CLOSED: {
		status: 409,
		ns: 'booking',
		form: { field: 'start' }
	},
	TOO_MANY_APPOINTMENTS: { status: 422, ns: 'booking', form: { field: 'documentNumber' } },
	APPOINTMENT_NOT_FOUND: { status: 404, ns: 'booking' },
	APPOINTMENT_NOT_CHANGEABLE: { status: 409, ns: 'booking' },
	APPOINTMENT_LOOKUP_LIMITED: {
		status: 429,
		ns: 'booking',
		form: { field: 'reference', message: 'booking:errors.tooMany' }
	},
	BOOKING_LIMITED: { status: 429, ns: 'booking' },
	PHONE_BOOKING_LIMITED: { status: 429, ns: 'booking' },
	EMAIL_LIMITED: { status: 429, ns: 'booking' },
	CONFIRMATION_LIMITED: { status: 429, ns: 'booking' },
	HOLD_EXPIRED: { status: 410, ns: 'booking' },
	UNAUTHORIZED: { status: 401, ns: 'booking', headers: { 'www-authenticate': 'Bearer' } },
	WAIT_NOT_ELAPSED: { status: 409, ns: 'staff' },
	TOO_EARLY: { status: 409, ns: 'staff' },
	OUTCOME_ALREADY_RECORDED: { status: 409, ns: 'staff' },
	CALL_NOT_FOUND: { status: 404, ns: 'calls' },
	CALL_PASS_INVALID: { status: 401, ns: 'calls', headers: { 'www-authenticate': 'Bearer' } },
	ROOM_NOT_OPEN: { status: 409, ns: 'calls' },
	CALL_ENDED: { status: 410, ns: 'calls' },
	APPOINTMENT_NOT_CONFIRMED: { status: 409, ns: 'calls' },
	ROOM_FULL: { status: 429, ns: 'calls' },
	PARTICIPANT_LEFT: { status: 410, ns: 'calls' },
	PARTICIPANT_NOT_FOUND: { status: 404, ns: 'calls' },
	TOO_MANY_SIGNALS: { status: 429, ns: 'calls' },
	CITIZEN_JOINED: { status: 409, ns: 'calls' },
	LOOKUP_LIMITED: { status: 429, ns: 'radicado' },
	EXTENSION_INVALID: {
		status: 422,
		ns: 'radicado',
		form: {
			field: 'newDueDate',
			message: ({ fields }) => `desk:errors.extension.${fields?.[0]?.message}`
		}
	},
	EVENT_NOT_ALLOWED: {
		status: 409,
		ns: 'desk',
		form: { message: ({ fields }) => `desk:errors.notAllowed.${fields?.[0]?.message}` }
	},
	UNAUTHENTICATED: { status: 401, ns: 'staff' },
	FORBIDDEN: { status: 403, ns: 'staff' },
	INVALID_CREDENTIALS: { status: 401, ns: 'staff' },
	SIGN_IN_LIMITED: { status: 429, ns: 'staff' },
	STAFF_NOT_FOUND: { status: 404, ns: 'staff' },
	CALLBACK_CLOSED: { status: 409, ns: 'staff' },
	CALLBACK_TOO_EARLY: { status: 409, ns: 'staff' },
	ALREADY_ANSWERED: { status: 409, ns: 'surveys' },
	// Wayuunaiki studio
	PLACEHOLDERS_DIFFER: { status: 422, ns: 'studio', form: { field: 'text' } },
	NOTHING_TO_REVIEW: { status: 409, ns: 'studio' },
	OWN_TEXT: { status: 409, ns: 'studio' },
	TEXT_CHANGED: { status: 409, ns: 'studio' },
	SOURCE_CHANGED: { status: 409, ns: 'studio' },
	SHEET_INVALID: { status: 422, ns: 'studio', form: { field: 'sheet' } },
	AUDIO_UNREADABLE: { status: 422, ns: 'studio', form: { field: 'audio' } },
	AUDIO_TOO_SHORT: { status: 422, ns: 'studio', form: { field: 'audio' } },
	AUDIO_TOO_LONG: { status: 422, ns: 'studio', form: { field: 'audio' } },
	// Content studio
	OWN_CHANGE: { status: 409, ns: 'studio' }
};

/**
 * An answer of the API in the one error shape (RFC 9457 problem details). The HTTP layer raises
 * its own; a service's DomainError becomes one through `problemOf`.
 */
export class Problem extends Error {
	constructor(
		readonly code: ProblemCode,
		readonly details: ErrorDetails & { headers?: Record<string, string> } = {}
	) {
		super(code);
		this.name = 'Problem';
	}

	get status(): number {
		return PROBLEMS[this.code].status;
	}
}

/** The answer to a request that needs the database while it is unreachable, full or too slow. */
export function unavailableProblem(): Problem {
	return new Problem('SERVICE_UNAVAILABLE');
}

export function problemOf(error: DomainError): Problem {
	return new Problem(error.code, error.details);
}

/** The key under which a code's title and detail live. */
export function problemKey(code: ProblemCode): string {
	const { ns } = PROBLEMS[code];
	return ns ? `${ns}:problems.${code}` : `problems:${code}`;
}

/** The language of an API request: ?lang= first, then Accept-Language. */
export function requestLocale(url: URL, headers: Headers): Locale {
	const query = url.searchParams.get('lang');
	return isLocale(query) ? query : negotiate(headers.get('accept-language'));
}

export async function problemResponse(problem: Problem, lang: Locale): Promise<Response> {
	const { t } = await translator(lang);
	const { status, headers } = PROBLEMS[problem.code];
	const { values, fields, extra, retryAfter } = problem.details;
	const key = problemKey(problem.code);
	const body = {
		type: `/api/v1/problems/${problem.code.toLowerCase().replaceAll('_', '-')}`,
		title: t(`${key}.title`),
		status,
		detail: t(`${key}.detail`, values),
		code: problem.code,
		...(fields ? { errors: fields } : {}),
		...extra
	};
	return new Response(JSON.stringify(body), {
		status,
		headers: {
			'content-type': 'application/problem+json; charset=utf-8',
			'content-language': lang,
			...headers,
			...(retryAfter !== undefined ? { 'retry-after': String(retryAfter) } : {}),
			...problem.details.headers
		}
	});
}

/** How a page form shows a refusal: one message on one control, and what the page can offer. */
export interface FormError {
	code: ErrorCode;
	status: number;
	field: string;
	message: string;
	/** Free starts near the one that was refused, when the refusal is about a taken time. */
	nearest?: string[];
	/** The page must send a new one-time key with the next try. */
	renewKey: boolean;
	retryAfter?: number;
	values: Record<string, unknown>;
}

/**
 * A refusal as a page shows it, in the person's language: on the control the table names, or on
 * `field` (the control the page would have the person fix), with the detail text by default.
 */
export function formError(error: DomainError, t: Translator['t'], field: string): FormError {
	const { status, form = {} } = PROBLEMS[error.code];
	const values = error.details.values ?? {};
	// A refusal about one field of its own (a service's check) names the field and its message key.
	const [own] = error.details.fields ?? [];
	const ownKey = own && /^[a-z]+:[\w.]+$/.test(own.message) ? own.message : undefined;
	const key =
		typeof form.message === 'function'
			? form.message(error.details)
			: (form.message ?? ownKey ?? `${problemKey(error.code)}.detail`);
	return {
		code: error.code,
		status,
		field: form.field ?? (ownKey ? own!.path : field),
		message: t(key, values),
		nearest: form.nearest
			? ((error.details.extra?.nearest as string[] | undefined) ?? [])
			: undefined,
		renewKey: form.renewKey ?? false,
		retryAfter: error.details.retryAfter,
		values
	};
}
