import type { RequestEvent, RequestHandler } from '@sveltejs/kit';
import { z } from 'zod';
import { translator, type Translator } from '$lib/i18n/translator';
import type { Locale } from '$lib/i18n/locales';
import { unavailable } from '../db';
import { isDomainError } from '../errors';
import type { OperationDoc } from '../http/openapi';
import {
	Problem,
	problemOf,
	problemResponse,
	requestLocale,
	unavailableProblem
} from '../http/problems';
import { fieldErrors, withoutNul } from '../http/validation';
import { errorFields, log } from '../log';

/** A file of a multipart request, as the services take it. */
export interface UploadedFile {
	filename: string;
	bytes: Uint8Array;
}

export interface Context<B, Q> {
	event: RequestEvent;
	/** The JSON body, or the text fields of a multipart form, validated. */
	body: B;
	query: Q;
	/** The files of a multipart form, by field name (the operation's `files`). */
	files: Record<string, UploadedFile[]>;
	lang: Locale;
	t: Translator['t'];
}

export type ApiHandler = RequestHandler & { operation: OperationDoc };

export type { OperationDoc };

const MAX_JSON_BYTES = 64 * 1024;

async function readJson(request: Request): Promise<unknown> {
	const type = request.headers.get('content-type') ?? '';
	if (!/^application\/([\w.+-]+\+)?json\b/i.test(type)) {
		throw new Problem('UNSUPPORTED_MEDIA_TYPE', { values: { type: 'application/json' } });
	}
	// Made only when thrown: a Problem is an Error, and capturing its stack costs every request.
	const tooLarge = () =>
		new Problem('BODY_TOO_LARGE', { values: { limit: MAX_JSON_BYTES / 1024 } });
	if (Number(request.headers.get('content-length') ?? 0) > MAX_JSON_BYTES) throw tooLarge();
	let text: string;
	try {
		text = await request.text();
	} catch {
		// The server's own limit (BODY_SIZE_LIMIT) cut the stream, or the client went away.
		throw tooLarge();
	}
	if (Buffer.byteLength(text) > MAX_JSON_BYTES) {
		throw tooLarge();
	}
	try {
		return withoutNul(JSON.parse(text));
	} catch {
		throw new Problem('INVALID_JSON');
	}
}

/**
 * A multipart form: its text fields (NUL removed) for the schema, and its files by field name.
 * A body the server cannot read as a form is malformed.
 */
async function readMultipart(
	request: Request,
	fileFields: readonly string[]
): Promise<{ fields: Record<string, string>; files: Record<string, UploadedFile[]> }> {
	const type = request.headers.get('content-type') ?? '';
	if (!/^multipart\/form-data\b/i.test(type)) {
		throw new Problem('UNSUPPORTED_MEDIA_TYPE', { values: { type: 'multipart/form-data' } });
	}
	let data: FormData;
	try {
		data = await request.formData();
	} catch {
		throw new Problem('INVALID_FORM');
	}
	const fields: Record<string, string> = {};
	const files: Record<string, UploadedFile[]> = {};
	for (const [name, value] of data.entries()) {
		if (typeof value === 'string') fields[name] ??= withoutNul(value) as string;
		else if (fileFields.includes(name) && value.size > 0) {
			(files[name] ??= []).push({
				filename: value.name,
				bytes: new Uint8Array(await value.arrayBuffer())
			});
		}
	}
	return { fields, files };
}

/** Validates input with a schema, throwing a 422 problem with one message per field. */
export function validate<T>(schema: z.ZodType<T>, input: unknown, t: Translator['t']): T {
	const result = schema.safeParse(input, { reportInput: true });
	if (!result.success) {
		throw new Problem('VALIDATION_FAILED', { fields: fieldErrors(result.error.issues, t) });
	}
	return result.data;
}

/**
 * Builds a thin endpoint: parse the query and body with their schemas, call the handler, and
 * answer every failure as problem+json in the caller's language.
 */
export function endpoint<B extends z.ZodType = z.ZodUnknown, Q extends z.ZodType = z.ZodUnknown>(
	doc: Omit<OperationDoc, 'body' | 'query' | 'form'> & { body?: B; form?: B; query?: Q },
	handle: (context: Context<z.infer<B>, z.infer<Q>>) => Promise<Response>
): ApiHandler {
	const handler: RequestHandler = async (event) => {
		const lang = requestLocale(event.url, event.request.headers);
		const { t } = await translator(lang);
		try {
			const query = doc.query
				? validate(doc.query, Object.fromEntries(event.url.searchParams), t)
				: undefined;
			let body: unknown;
			let files: Record<string, UploadedFile[]> = {};
			if (doc.form) {
				const form = await readMultipart(event.request, Object.keys(doc.files ?? {}));
				body = validate(doc.form, form.fields, t);
				files = form.files;
			} else if (doc.body) {
				body = validate(doc.body, await readJson(event.request), t);
			}
			return await handle({
				event,
				body: body as z.infer<B>,
				query: query as z.infer<Q>,
				files,
				lang,
				t
			});
		} catch (error) {
			if (error instanceof Problem) return problemResponse(error, lang);
			if (isDomainError(error)) return problemResponse(problemOf(error), lang);
			if (unavailable(error)) {
				log.warn('database unavailable', { route: event.route.id, ...errorFields(error) });
				return problemResponse(unavailableProblem(), lang);
			}
			log.error('unhandled API error', { route: event.route.id, ...errorFields(error) });
			return problemResponse(new Problem('INTERNAL'), lang);
		}
	};
	return Object.assign(handler, { operation: { ...doc, tags: doc.tags } });
}

/** JSON with the language it was written in. */
export function reply(
	body: unknown,
	init: { status?: number; lang?: Locale; headers?: Record<string, string> } = {}
): Response {
	const text = JSON.stringify(body);
	return new Response(text, {
		status: init.status ?? 200,
		headers: {
			'content-type': 'application/json; charset=utf-8',
			// With its length known, a small answer (a booking, a look-up's refusal) goes out as it
			// is: the compression of scripts/start.js squeezes only bodies over 1 KB, and any body
			// of unknown length, which cost a booking more than its SQL.
			'content-length': String(Buffer.byteLength(text)),
			...(init.lang ? { 'content-language': init.lang } : {}),
			...init.headers
		}
	});
}

/**
 * A file as a download, never shown in place: `attachment` with its name (ASCII, and UTF-8 for
 * accents, RFC 6266), the type we checked, `nosniff`, and kept in no cache.
 */
export function download(file: { filename: string; contentType: string; bytes: Uint8Array }) {
	const ascii = file.filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
	return new Response(new Blob([file.bytes as Uint8Array<ArrayBuffer>]), {
		headers: {
			'content-type': file.contentType,
			'content-length': String(file.bytes.byteLength),
			'content-disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
			'x-content-type-options': 'nosniff',
			'cache-control': 'private, no-store'
		}
	});
}
