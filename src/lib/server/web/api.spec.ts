import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DomainError } from '../errors';
import { endpoint, reply } from './api';
import { requestEvent } from './request-event';

const echo = endpoint(
	{
		summary: 'Echo',
		tags: ['test'],
		body: z.object({ name: z.string().min(2), age: z.number().int().optional() }).strict(),
		responses: { 200: { description: 'ok' } }
	},
	async ({ body }) => reply({ hello: body.name })
);

function post(body: string, headers: Record<string, string> = {}) {
	return echo(
		requestEvent('/api/v1/echo', {
			method: 'POST',
			body,
			headers: { 'content-type': 'application/json', ...headers }
		})
	);
}

describe('endpoint', () => {
	it('passes a valid body to the handler', async () => {
		const response = await post('{"name":"Ana"}');
		expect(response.status).toBe(200);
		expect(await response.json()).toEqual({ hello: 'Ana' });
	});

	it('answers malformed JSON with a 400 problem', async () => {
		const response = await post('{"name":');
		expect(response.status).toBe(400);
		expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
		expect((await response.json()).code).toBe('INVALID_JSON');
	});

	it('lists each invalid field with a message in Spanish', async () => {
		const response = await post('{"name":"A","age":"x"}');
		const body = await response.json();
		expect(response.status).toBe(422);
		expect(body.code).toBe('VALIDATION_FAILED');
		expect(body.errors).toEqual([
			{ path: 'name', message: 'Escriba al menos 2 caracteres.' },
			{ path: 'age', message: 'Este dato no tiene el tipo correcto.' }
		]);
	});

	it('rejects fields it does not know', async () => {
		const response = await post('{"name":"Ana","admin":true}');
		expect((await response.json()).errors[0].message).toBe('Hay campos que no conocemos.');
	});

	it('rejects a body that is not JSON', async () => {
		const response = await post('name=Ana', {
			'content-type': 'application/x-www-form-urlencoded'
		});
		expect(response.status).toBe(415);
	});

	it('rejects a body over the size limit', async () => {
		const response = await post(JSON.stringify({ name: 'x'.repeat(70_000) }));
		expect(response.status).toBe(413);
	});

	it('turns a service refusal into problem+json with its status and headers', async () => {
		const limited = endpoint({ summary: 'x', tags: [], responses: {} }, async () => {
			throw new DomainError('SIGN_IN_LIMITED', { values: { minutes: 1 }, retryAfter: 60 });
		});
		const response = await limited(requestEvent('/api/v1/x'));
		expect(response.status).toBe(429);
		expect(response.headers.get('retry-after')).toBe('60');
		expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
		expect(await response.json()).toMatchObject({
			code: 'SIGN_IN_LIMITED',
			status: 429,
			detail: expect.stringContaining('1 minutos')
		});
	});

	it('hides an unexpected error behind a 500 problem', async () => {
		const broken = endpoint({ summary: 'x', tags: [], responses: {} }, async () => {
			throw new Error('secret detail 1234567890');
		});
		const response = await broken(requestEvent('/api/v1/x'));
		const text = await response.text();
		expect(response.status).toBe(500);
		expect(text).not.toContain('secret');
	});

	it('answers 503 with Retry-After when the database is unreachable, never 500', async () => {
		const down = endpoint(
			{ summary: 'Down', tags: ['test'], responses: { 200: { description: 'ok' } } },
			async () => {
				throw new Error('the database went away', {
					cause: Object.assign(new Error('connect'), { code: 'ECONNREFUSED' })
				});
			}
		);
		const response = await down(requestEvent('/api/v1/down'));
		expect(response.status).toBe(503);
		expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
		expect(response.headers.get('retry-after')).toBe('10');
		expect((await response.json()).code).toBe('SERVICE_UNAVAILABLE');
	});
});
