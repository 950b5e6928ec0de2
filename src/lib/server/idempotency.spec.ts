import { describe, expect, it } from 'vitest';
import { legalTerms } from './db/schema';
import { Problem } from './http/problem';
import { once } from './idempotency';
import { useTestDatabase } from './testing/database';

const db = useTestDatabase();

describe('idempotency', () => {
	it('runs the work once and replays the first answer', async () => {
		let runs = 0;
		const work = async () => ({ status: 201, body: { run: ++runs } });
		const first = await once(db(), 'test', 'key-12345678', { a: 1 }, work);
		const second = await once(db(), 'test', 'key-12345678', { a: 1 }, work);
		expect(first).toEqual({ status: 201, body: { run: 1 }, replayed: false });
		expect(second).toEqual({ status: 201, body: { run: 1 }, replayed: true });
	});

	it('refuses a key reused with other data', async () => {
		await once(db(), 'test', 'key-abcdefgh', { a: 1 }, async () => ({ status: 201, body: {} }));
		await expect(
			once(db(), 'test', 'key-abcdefgh', { a: 2 }, async () => ({ status: 201, body: {} }))
		).rejects.toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED' });
	});

	it('keeps nothing when the work fails, so a retry runs again', async () => {
		const failing = once(db(), 'test', 'key-failing1', {}, async (tx) => {
			await tx.delete(legalTerms);
			throw new Problem(409, 'SLOT_UNAVAILABLE');
		});
		await expect(failing).rejects.toBeInstanceOf(Problem);
		expect((await db().select().from(legalTerms)).length).toBeGreaterThan(0);
		const retry = await once(db(), 'test', 'key-failing1', {}, async () => ({
			status: 201,
			body: 'ok'
		}));
		expect(retry.replayed).toBe(false);
	});

	it('refuses a malformed key', async () => {
		await expect(
			once(db(), 'test', 'x', {}, async () => ({ status: 201, body: {} }))
		).rejects.toMatchObject({
			code: 'IDEMPOTENCY_KEY_INVALID'
		});
	});
});
