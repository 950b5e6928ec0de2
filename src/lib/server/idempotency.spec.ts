import { describe, expect, it } from 'vitest';
import { idempotencyKeys, legalTerms } from './db/schema';
import { DomainError } from './errors';
import { fingerprint, once } from './idempotency';
import { useTestDatabase } from './testing/database';

const db = useTestDatabase();

describe('idempotency', () => {
	it('runs the work once and replays the first answer', async () => {
		let runs = 0;
		const work = async () => ({ run: ++runs });
		const first = await once(db(), 'test', 'key-12345678', { a: 1 }, work);
		const second = await once(db(), 'test', 'key-12345678', { a: 1 }, work);
		expect(first).toEqual({ result: { run: 1 }, replayed: false });
		expect(second).toEqual({ result: { run: 1 }, replayed: true });
	});

	it('refuses a key reused with other data', async () => {
		await once(db(), 'test', 'key-abcdefgh', { a: 1 }, async () => ({}));
		await expect(
			once(db(), 'test', 'key-abcdefgh', { a: 2 }, async () => ({}))
		).rejects.toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED' });
	});

	it('keeps nothing when the work fails, so a retry runs again', async () => {
		const failing = once(db(), 'test', 'key-failing1', {}, async (tx) => {
			await tx.delete(legalTerms);
			throw new DomainError('SLOT_UNAVAILABLE');
		});
		await expect(failing).rejects.toBeInstanceOf(DomainError);
		expect((await db().select().from(legalTerms)).length).toBeGreaterThan(0);
		const retry = await once(db(), 'test', 'key-failing1', {}, async () => 'ok');
		expect(retry.replayed).toBe(false);
	});

	it('replays a row written before results were stored without a status', async () => {
		await db()
			.insert(idempotencyKeys)
			.values({
				scope: 'test',
				key: 'key-oldrow01',
				requestHash: fingerprint({ a: 1 }),
				status: 201,
				body: { run: 'old' }
			});
		const replay = await once(db(), 'test', 'key-oldrow01', { a: 1 }, async () => ({ run: 'new' }));
		expect(replay).toEqual({ result: { run: 'old' }, replayed: true });
	});

	it('refuses a malformed key', async () => {
		await expect(once(db(), 'test', 'x', {}, async () => ({}))).rejects.toMatchObject({
			code: 'IDEMPOTENCY_KEY_INVALID'
		});
	});
});
