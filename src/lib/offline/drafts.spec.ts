import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { drafts } from './drafts';

const PETITION = {
	type: 'peticion',
	subject: 'Subsidio de gas',
	description: 'Quiero saber si me toca.'
};

/** A radicados endpoint that honours Idempotency-Key as the real one does (first answer replayed). */
function fakeServer() {
	const answers = new Map<string, { status: number; body: unknown }>();
	const requests: { key: string; body: string }[] = [];
	let filed = 0;
	let loseNextAnswer = false;
	const fetcher = (async (_url: string, init: RequestInit) => {
		const headers = init.headers as Record<string, string>;
		const key = headers['idempotency-key']!;
		requests.push({ key, body: init.body as string });
		let answer = answers.get(key);
		if (!answer) {
			filed += 1;
			answer = { status: 201, body: { number: `1-2026-${String(filed).padStart(6, '0')}` } };
			answers.set(key, answer);
		}
		if (loseNextAnswer) {
			loseNextAnswer = false;
			throw new TypeError('Failed to fetch');
		}
		return Response.json(answer.body, { status: answer.status });
	}) as typeof fetch;
	return {
		fetcher,
		requests,
		filed: () => filed,
		loseNextAnswer: () => (loseNextAnswer = true)
	};
}

const offline = (async () => {
	throw new TypeError('Failed to fetch');
}) as typeof fetch;
const answering = (status: number, body: unknown = {}) =>
	(async () => Response.json(body, { status })) as typeof fetch;

beforeEach(() => {
	globalThis.indexedDB = new IDBFactory();
});

describe('drafts', () => {
	it('keeps a draft written offline as pending, with its own idempotency key', async () => {
		const draft = await drafts.save('pqrsd', PETITION, 'es');
		expect(draft.key).toMatch(/^[\w-]{8,128}$/);
		expect(await drafts.list()).toEqual([
			expect.objectContaining({ key: draft.key, state: 'pending', body: PETITION, attempts: 0 })
		]);
	});

	it('sends a pending draft when the network returns and keeps only the answer', async () => {
		const server = fakeServer();
		const draft = await drafts.save('pqrsd', PETITION, 'es');
		const [outcome] = await drafts.sendPending(server.fetcher);
		expect(outcome).toMatchObject({
			result: 'sent',
			status: 201,
			answer: { number: '1-2026-000001' }
		});
		expect(server.requests).toEqual([{ key: draft.key, body: JSON.stringify(PETITION) }]);
		expect(await drafts.list()).toEqual([
			expect.objectContaining({ state: 'sent', body: {}, answer: { number: '1-2026-000001' } })
		]);
		expect(await drafts.sendPending(server.fetcher)).toEqual([]);
		await drafts.remove(draft.key);
		expect(await drafts.list()).toEqual([]);
	});

	it('files one radicado when the first answer is lost and the draft is sent again', async () => {
		const server = fakeServer();
		await drafts.save('pqrsd', PETITION, 'es');
		server.loseNextAnswer();

		const [first] = await drafts.sendPending(server.fetcher);
		expect(first).toMatchObject({ result: 'pending', reason: 'offline' });
		expect(await drafts.list()).toHaveLength(1);

		const [second] = await drafts.sendPending(server.fetcher);
		expect(second).toMatchObject({ result: 'sent', answer: { number: '1-2026-000001' } });
		expect(server.filed()).toBe(1);
		expect(server.requests).toHaveLength(2);
		expect(new Set(server.requests.map((r) => `${r.key} ${r.body}`)).size).toBe(1);
		expect(await drafts.list()).toEqual([expect.objectContaining({ state: 'sent' })]);
	});

	it('keeps the draft when the answer is cut off after the headers', async () => {
		await drafts.save('pqrsd', PETITION, 'es');
		const truncated = (async () =>
			new Response('{"number":"1-20', {
				status: 201,
				headers: { 'content-type': 'application/json' }
			})) as typeof fetch;
		const [outcome] = await drafts.sendPending(truncated);
		expect(outcome).toMatchObject({ result: 'pending', reason: 'offline' });
		expect(await drafts.list()).toEqual([expect.objectContaining({ state: 'pending' })]);
	});

	it('keeps the draft when there is no network', async () => {
		await drafts.save('callback', { phone: '3001234567' }, 'guc');
		const [outcome] = await drafts.sendPending(offline);
		expect(outcome).toMatchObject({ result: 'pending', reason: 'offline' });
		expect(await drafts.list()).toEqual([
			expect.objectContaining({ state: 'pending', attempts: 1 })
		]);
	});

	it.each([503, 429])('keeps the draft for later when the server answers %i', async (status) => {
		await drafts.save('pqrsd', PETITION, 'es');
		const [outcome] = await drafts.sendPending(answering(status));
		expect(outcome).toMatchObject({ result: 'pending', reason: 'server' });
		expect(await drafts.list()).toEqual([expect.objectContaining({ state: 'pending' })]);
	});

	it('keeps a refused draft, marked, for the person to correct', async () => {
		await drafts.save('pqrsd', PETITION, 'es');
		const problem = { code: 'VALIDATION_FAILED', errors: [{ path: 'email', message: 'x' }] };
		const [outcome] = await drafts.sendPending(answering(422, problem));
		expect(outcome).toMatchObject({ result: 'rejected', status: 422, problem });
		expect(await drafts.list()).toEqual([expect.objectContaining({ state: 'rejected', problem })]);
		expect(await drafts.sendPending(answering(201))).toEqual([]);
	});

	it('sends a draft once when the page and the worker try at the same moment', async () => {
		const server = fakeServer();
		const draft = await drafts.save('pqrsd', PETITION, 'es');
		await Promise.all([drafts.send(draft, server.fetcher), drafts.send(draft, server.fetcher)]);
		expect(server.requests).toHaveLength(1);
	});

	it('stops at the first draft that finds no network, keeping them all in order', async () => {
		const first = await drafts.save('pqrsd', PETITION, 'es');
		const second = await drafts.save('callback', { phone: '3001234567' }, 'es');
		const outcomes = await drafts.sendPending(offline);
		expect(outcomes).toHaveLength(1);
		expect((await drafts.list()).map((d) => d.key)).toEqual([first.key, second.key]);
	});

	it('does not bring back a draft removed while it was being sent', async () => {
		const server = fakeServer();
		const draft = await drafts.save('pqrsd', PETITION, 'es');
		const sending = drafts.send(draft, server.fetcher);
		await drafts.remove(draft.key);
		expect((await sending).result).toBe('sent');
		expect(await drafts.list()).toEqual([]);
	});
});
