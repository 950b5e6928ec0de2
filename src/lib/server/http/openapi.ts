import { z } from 'zod';
import type { Translator } from '$lib/i18n/translator';

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

export interface ResponseDoc {
	/** An `api:` key: the OpenAPI document says it in the asked language, through i18next. */
	description: string;
	schema?: z.ZodType;
}

/** What the OpenAPI document says of an operation; the same object validates requests. */
export interface OperationDoc {
	/** An `api:` key, like every description below (locales/{lang}/api.json). */
	summary: string;
	tags: string[];
	body?: z.ZodType;
	query?: z.ZodType;
	/** Headers the operation reads, e.g. Idempotency-Key or Authorization. */
	headers?: Record<string, { required: boolean; description: string }>;
	responses: Record<number, ResponseDoc>;
	/** A body that is not JSON (an audio file): its media types and what it is, as an `api:` key. */
	rawBody?: { types: string[]; description: string };
	/** Values for the path's parameters and a valid request, used by the contract test. */
	example?: { params?: Record<string, string>; query?: Record<string, string>; body?: unknown };
}

// Any operation that needs the database may answer this while it is unreachable.
const UNAVAILABLE: ResponseDoc = { description: 'api:common.unavailable' };

export const problemSchema = z.object({
	type: z.string(),
	title: z.string(),
	status: z.number().int(),
	detail: z.string(),
	code: z.string(),
	errors: z.array(z.object({ path: z.string(), message: z.string() })).optional()
});

export interface RouteOperation {
	method: (typeof METHODS)[number];
	path: string;
	params: string[];
	operation: OperationDoc;
}

/** "/src/routes/api/v1/services/[slug]/+server.ts" → "/api/v1/services/{slug}". */
export function routePath(file: string): { path: string; params: string[] } | undefined {
	const route = file.replace(/^.*\/src\/routes/, '').replace(/\/\+server\.ts$/, '');
	if (route.includes('[...')) return undefined;
	const params: string[] = [];
	const path = route
		.split('/')
		.filter((segment) => !/^\(.*\)$/.test(segment))
		.map((segment) =>
			segment.replace(/^\[(\w+)(=\w+)?\]$/, (_, name: string) => {
				params.push(name);
				return `{${name}}`;
			})
		)
		.join('/');
	return { path, params };
}

export function collect(modules: Record<string, Record<string, unknown>>): RouteOperation[] {
	const found: RouteOperation[] = [];
	for (const [file, module] of Object.entries(modules)) {
		const route = routePath(file);
		if (!route) continue;
		for (const method of METHODS) {
			const handler = module[method] as { operation?: OperationDoc } | undefined;
			if (handler?.operation) found.push({ method, ...route, operation: handler.operation });
		}
	}
	return found.sort((a, b) => a.path.localeCompare(b.path) || a.method.localeCompare(b.method));
}

function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): Record<string, unknown> {
	const json = z.toJSONSchema(schema, {
		target: 'draft-2020-12',
		io,
		unrepresentable: 'any'
	}) as Record<string, unknown>;
	// Embedded schemas must not repeat the dialect; the document declares it once.
	delete json.$schema;
	return json;
}

function objectProperties(schema: z.ZodType): [string, boolean][] {
	const json = jsonSchema(schema, 'input') as {
		properties?: Record<string, unknown>;
		required?: string[];
	};
	return Object.keys(json.properties ?? {}).map((name) => [
		name,
		(json.required ?? []).includes(name)
	]);
}

/**
 * The OpenAPI 3.1 document, generated from the same schemas that validate requests; its texts
 * (keys in the operations) in the language of `t`.
 */
export function document(
	operations: RouteOperation[],
	version: string,
	t: Translator['t']
): Record<string, unknown> {
	const paths: Record<string, Record<string, unknown>> = {};
	for (const { method, path, params, operation } of operations) {
		const parameters = [
			...params.map((name) => ({ name, in: 'path', required: true, schema: { type: 'string' } })),
			...(operation.query
				? objectProperties(operation.query).map(([name, required]) => ({
						name,
						in: 'query',
						required,
						schema: (
							jsonSchema(operation.query!, 'input') as { properties: Record<string, unknown> }
						).properties[name]
					}))
				: []),
			...Object.entries(operation.headers ?? {}).map(([name, header]) => ({
				name,
				in: 'header',
				required: header.required,
				description: t(header.description),
				schema: { type: 'string' }
			})),
			// An operation whose own `lang` names the language it works on answers in that language.
			...(operation.query && objectProperties(operation.query).some(([name]) => name === 'lang')
				? []
				: [
						{
							name: 'lang',
							in: 'query',
							required: false,
							description: t('api:document.lang'),
							schema: { type: 'string', enum: ['es', 'guc'] }
						}
					])
		];
		const responses = Object.fromEntries(
			Object.entries({ 503: UNAVAILABLE, ...operation.responses }).map(([status, response]) => {
				const problem = Number(status) >= 400;
				const schema = response.schema
					? jsonSchema(response.schema, 'output')
					: problem
						? { $ref: '#/components/schemas/Problem' }
						: undefined;
				const type = problem ? 'application/problem+json' : 'application/json';
				return [
					status,
					{
						description: t(response.description),
						...(schema ? { content: { [type]: { schema } } } : {})
					}
				];
			})
		);
		paths[path] ??= {};
		paths[path][method.toLowerCase()] = {
			summary: t(operation.summary),
			tags: operation.tags,
			parameters,
			...(operation.body
				? {
						requestBody: {
							required: true,
							content: { 'application/json': { schema: jsonSchema(operation.body, 'input') } }
						}
					}
				: {}),
			...(operation.rawBody
				? {
						requestBody: {
							required: true,
							description: t(operation.rawBody.description),
							content: Object.fromEntries(
								operation.rawBody.types.map((type) => [
									type,
									{ schema: { type: 'string', contentMediaType: type } }
								])
							)
						}
					}
				: {}),
			responses,
			...(operation.example ? { 'x-example': operation.example } : {})
		};
	}
	return {
		openapi: '3.1.0',
		info: {
			title: t('api:document.title'),
			version,
			description: t('api:document.description')
		},
		servers: [{ url: '/' }],
		paths,
		components: { schemas: { Problem: jsonSchema(problemSchema, 'output') } }
	};
}
