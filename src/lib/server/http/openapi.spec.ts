import { describe, expect, it } from 'vitest';
import { translator } from '$lib/i18n/translator';
import { collect, document, routePath } from './openapi';

const modules = import.meta.glob<Record<string, unknown>>(
	['/src/routes/api/v1/**/+server.ts', '!/src/routes/api/v1/openapi.json/+server.ts'],
	{ eager: true }
);

describe('routePath', () => {
	it('turns a route folder into an OpenAPI path', () => {
		expect(routePath('/src/routes/api/v1/services/[slug]/+server.ts')).toEqual({
			path: '/api/v1/services/{slug}',
			params: ['slug']
		});
	});

	it('leaves out catch-all routes', () => {
		expect(routePath('/src/routes/api/v1/[...rest]/+server.ts')).toBeUndefined();
	});
});

describe('document', () => {
	it('describes every endpoint of the app in OpenAPI 3.1', async () => {
		const spec = document(collect(modules), 'test', (await translator('es')).t) as {
			openapi: string;
			paths: Record<string, Record<string, { responses: object }>>;
		};
		expect(spec.openapi).toBe('3.1.0');
		expect(spec.paths['/api/v1/health']?.get?.responses).toHaveProperty('200');
	});

	it('says every summary and description through i18next, in Spanish from the locale files', async () => {
		const { has, t } = await translator('es');
		const texts = collect(modules).flatMap(({ operation }) => [
			operation.summary,
			...Object.values(operation.headers ?? {}).map((header) => header.description),
			...Object.values(operation.responses).map((response) => response.description)
		]);
		expect(texts.length).toBeGreaterThan(50);
		expect(texts.filter((key) => !key.startsWith('api:') || !has(key))).toEqual([]);
		const spec = document(collect(modules), 'test', t) as {
			paths: Record<string, Record<string, { summary: string }>>;
		};
		expect(spec.paths['/api/v1/health']?.get?.summary).toBe(
			'Lista para atender: la aplicación y su base de datos responden'
		);
	});
});
