import { isLocale, negotiate, type Locale } from '$lib/i18n/locales';
import { translator } from '$lib/i18n/translator';

export interface FieldError {
	path: string;
	message: string;
}

/**
 * The one error shape of the API (RFC 9457 problem details). Services throw it; the endpoint
 * wrapper turns it into application/problem+json in the caller's language.
 */
export class Problem extends Error {
	constructor(
		readonly status: number,
		readonly code: string,
		readonly options: {
			/** The locale namespace holding `problems.<code>`; the shared `problems` file otherwise. */
			ns?: string;
			/** Interpolation values for the localised detail. */
			values?: Record<string, unknown>;
			errors?: FieldError[];
			headers?: Record<string, string>;
			/** Extra members, e.g. the nearest free slots. */
			extra?: Record<string, unknown>;
		} = {}
	) {
		super(code);
	}
}

/** Seconds a client should wait before trying again while the database is unavailable. */
export const RETRY_AFTER_SECONDS = 10;

/** The answer to a request that needs the database while it is unreachable, full or too slow. */
export function unavailableProblem(): Problem {
	return new Problem(503, 'SERVICE_UNAVAILABLE', {
		headers: { 'retry-after': String(RETRY_AFTER_SECONDS) }
	});
}

/** The language of an API request: ?lang= first, then Accept-Language. */
export function requestLocale(url: URL, headers: Headers): Locale {
	const query = url.searchParams.get('lang');
	return isLocale(query) ? query : negotiate(headers.get('accept-language'));
}

export async function problemResponse(problem: Problem, lang: Locale): Promise<Response> {
	const { t } = await translator(lang);
	const { ns } = problem.options;
	const key = ns ? `${ns}:problems.${problem.code}` : `problems:${problem.code}`;
	const body = {
		type: `/api/v1/problems/${problem.code.toLowerCase().replaceAll('_', '-')}`,
		title: t(`${key}.title`),
		status: problem.status,
		detail: t(`${key}.detail`, problem.options.values),
		code: problem.code,
		...(problem.options.errors ? { errors: problem.options.errors } : {}),
		...problem.options.extra
	};
	return new Response(JSON.stringify(body), {
		status: problem.status,
		headers: {
			'content-type': 'application/problem+json; charset=utf-8',
			'content-language': lang,
			...problem.options.headers
		}
	});
}
