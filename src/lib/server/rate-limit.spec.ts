import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clock } from './clock';
import { rateLimit } from './rate-limit';
import { useTestDatabase } from './testing/database';

const db = useTestDatabase();
const limit = { max: 3, windowSeconds: 900 };

// Mid-window, so no test straddles the moment a window ends.
beforeAll(() => clock.set(new Date('2026-11-23T15:07:30Z')));
afterAll(() => clock.set(undefined));

describe('rate limit', () => {
	it('allows hits up to the limit and refuses the next', async () => {
		const verdicts = [];
		for (let i = 0; i < 4; i++)
			verdicts.push(await rateLimit.hit(db(), 'lookup:1-2026-000001', limit));
		expect(verdicts.map((v) => v.allowed)).toEqual([true, true, true, false]);
		expect(verdicts[3]!.retryAfter).toBeGreaterThan(0);
		expect(verdicts[3]!.retryAfter).toBeLessThanOrEqual(900);
	});

	it('checks without counting', async () => {
		await rateLimit.hit(db(), 'b', limit);
		await rateLimit.check(db(), 'b', limit);
		await rateLimit.check(db(), 'b', limit);
		expect((await rateLimit.hit(db(), 'b', limit)).allowed).toBe(true);
	});

	it('gives a refunded hit back', async () => {
		for (let i = 0; i < 2; i++) await rateLimit.hit(db(), 'r', limit);
		await rateLimit.refund(db(), await rateLimit.hit(db(), 'r', limit));
		expect((await rateLimit.hit(db(), 'r', limit)).allowed).toBe(true);
		expect((await rateLimit.hit(db(), 'r', limit)).allowed).toBe(false);
	});

	it('lets at most the limit through when hits arrive all at once', async () => {
		const verdicts = await Promise.all(
			Array.from({ length: 10 }, () => rateLimit.hit(db(), 'burst', limit))
		);
		expect(verdicts.filter((v) => v.allowed)).toHaveLength(3);
	});

	it('stores a bucket that carries a NUL character', async () => {
		expect((await rateLimit.hit(db(), 'lookup:\u0000x', limit)).allowed).toBe(true);
	});

	it('counts each bucket apart', async () => {
		for (let i = 0; i < 3; i++) await rateLimit.hit(db(), 'a', limit);
		expect((await rateLimit.check(db(), 'a', limit)).allowed).toBe(false);
		expect((await rateLimit.check(db(), 'c', limit)).allowed).toBe(true);
	});
});
