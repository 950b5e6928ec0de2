import type { Translator } from '$lib/i18n/translator';
import type { z } from 'zod';
import type { FieldError } from '../errors';

/**
 * Turns schema issues into field messages in the user's language. A schema may name its own
 * message key (`{ error: 'booking:errors.document' }`); otherwise the issue's code picks one.
 */
export function fieldErrors(issues: z.core.$ZodIssue[], t: Translator['t']): FieldError[] {
	return issues.map((issue) => {
		const path = issue.path.map(String).join('.');
		const values = issue as unknown as Record<string, unknown>;
		// A schema may name its own message by key ("booking:errors.document").
		const own = /^[a-z]+:[\w.]+$/.test(issue.message) ? issue.message : undefined;
		const key = own ?? `validation:${messageKey(issue)}`;
		return {
			path,
			message: t(key, { ...values, count: Number(values.minimum ?? values.maximum ?? 0) })
		};
	});
}

function messageKey(issue: z.core.$ZodIssue): string {
	switch (issue.code) {
		case 'invalid_type':
			return issue.input === undefined ? 'required' : 'invalid_type';
		case 'too_small':
			return issue.origin === 'string' ? 'too_short' : 'too_small';
		case 'too_big':
			return issue.origin === 'string' ? 'too_long' : 'too_big';
		case 'invalid_format':
			return issue.format === 'email' ? 'email' : 'invalid_format';
		case 'invalid_value':
			return 'invalid_value';
		case 'unrecognized_keys':
			return 'unrecognized_keys';
		default:
			return 'invalid';
	}
}

/**
 * Drops U+0000 from every string in a value and turns a lone surrogate (a JSON escape such as
 * "\ud800" that no keyboard makes) into U+FFFD: PostgreSQL cannot store either, text or JSON, and
 * the query would fail instead of the request being answered.
 */
export function withoutNul<T>(value: T): T {
	if (typeof value === 'string') return value.replaceAll('\u0000', '').toWellFormed() as T;
	if (Array.isArray(value)) return value.map(withoutNul) as T;
	if (value && typeof value === 'object') {
		return Object.fromEntries(
			Object.entries(value).map(([key, item]) => [withoutNul(key), withoutNul(item)])
		) as T;
	}
	return value;
}
