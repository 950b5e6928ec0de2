import { describe, expect, it } from 'vitest';
import { collect, document, routePath } from './openapi';

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
		const modules = import.meta.glob<Record<string, unknown>>(
			['/src/routes/api/v1/**/+server.ts', '!/src/routes/api/v1/openapi.json/+server.ts'],
			{ eager: true }
		);
		const spec = document(collect(modules), 'test') as {
			openapi: string;
			paths: Record<string, Record<string, { responses: object }>>;
		};
		expect(spec.openapi).toBe('3.1.0');
		expect(spec.paths['/api/v1/health']?.get?.responses).toHaveProperty('200');
	});
});
