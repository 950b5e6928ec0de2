import { fail, type ActionFailure } from '@sveltejs/kit';
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { Translator } from '$lib/i18n/translator';
import { normaliseGlottalStop } from '$lib/i18n/glottal';
import { isDomainError } from '../errors';
import { formError, type FormError } from '../http/problems';
import { fieldErrors, withoutNul } from '../http/validation';

export interface FormFailure {
	/** What the person typed, so nothing is lost when the page comes back with errors. */
	values: Record<string, string | string[]>;
	/** Field name → message, in the order of the form. */
	errors: Record<string, string>;
}

/** Form fields as an object; a name sent more than once (checkboxes) becomes a list. */
export function formValues(data: FormData): Record<string, string | string[]> {
	const values: Record<string, string | string[]> = {};
	for (const [name, value] of data.entries()) {
		if (typeof value !== 'string') continue;
		// Phones and word processors type look-alike glottal stops; store the standard one.
		const text = withoutNul(normaliseGlottalStop(value));
		const existing = values[name];
		values[name] =
			existing === undefined ? text : [...(Array.isArray(existing) ? existing : [existing]), text];
	}
	return values;
}

/**
 * Validates a posted form with the same schema the API uses. On failure, answers the page again
 * (400) with the typed values and one message per field in the person's language.
 */
export async function parseForm<T>(
	request: Request | FormData,
	schema: z.ZodType<T>,
	t: Translator['t']
): Promise<{ data: T; values: Record<string, string | string[]> } | ActionFailure<FormFailure>> {
	const values = formValues(request instanceof FormData ? request : await request.formData());
	const result = schema.safeParse(values, { reportInput: true });
	if (result.success) return { data: result.data, values };
	const errors: Record<string, string> = {};
	for (const { path, message } of fieldErrors(result.error.issues, t)) {
		const field = path.split('.')[0] || 'form';
		errors[field] ??= message;
	}
	return fail(400, { values, errors });
}

/** Narrows parseForm's answer: true when the form came back with errors. */
export function isFormFailure<T>(
	result: { data: T; values: Record<string, string | string[]> } | ActionFailure<FormFailure>
): result is ActionFailure<FormFailure> {
	return !('values' in result);
}

/** The files a form sent under `name`, left out when empty (no file chosen). */
export async function formFiles(
	data: FormData,
	name: string
): Promise<{ filename: string; bytes: Uint8Array }[]> {
	const files = data.getAll(name).filter((f): f is File => f instanceof File && f.size > 0);
	return Promise.all(
		files.map(async (f) => ({ filename: f.name, bytes: new Uint8Array(await f.arrayBuffer()) }))
	);
}

/** A checkbox group arrives as nothing, one string or a list; schemas want a list. */
export function asList(value: unknown): string[] {
	if (value === undefined || value === null || value === '') return [];
	return Array.isArray(value) ? value.map(String) : [String(value)];
}

/**
 * A service's refusal as the page's form answer: the message on one control (`field`, unless the
 * refusal names its own) for the field and the error summary, with what the person typed. A spent
 * or unreadable one-time key is replaced in `values[keyField]`, so that sending again works.
 * Anything that is not a refusal is rethrown.
 */
export function failWith(
	caught: unknown,
	t: Translator['t'],
	options: { field: string; values?: Record<string, unknown>; keyField?: string }
): ActionFailure<{ errors: Record<string, string>; values?: Record<string, unknown> }> {
	const refused = refusal(caught, t, options.field);
	const values =
		refused.renewKey && options.keyField
			? { ...options.values, [options.keyField]: randomUUID() }
			: options.values;
	return fail(refused.status, {
		errors: { [refused.field]: refused.message },
		...(values ? { values } : {})
	});
}

/** The refusal in `caught` as a page shows it; anything that is not a refusal is rethrown. */
export function refusal(caught: unknown, t: Translator['t'], field: string): FormError {
	if (!isDomainError(caught)) throw caught;
	return formError(caught, t, field);
}
