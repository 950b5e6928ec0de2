import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import type { GuessLimits } from '$lib/config/entity';
import { clock } from './clock';
import { clientOf, guess, rateLimit } from './rate-limit';
import { useTestDatabase } from './testing/database';

const db = useTestDatabase();
const limit = { max: 3, windowSeconds: 900 };

// A quarter of an hour boundary is 15:15:00; the tests start just before it.
const START = new Date('2026-11-23T15:14:30Z');
const at = (seconds: number) => clock.set(new Date(START.getTime() + seconds * 1000));

beforeEach(() => clock.set(START));
afterAll(() => clock.set(undefined));

describe('rate limit', () => {
	it('allows hits up to the limit and refuses the next', async () => {
		const verdicts = [];
		for (let i = 0; i < 4; i++) verdicts.push(await rateLimit.hit(db(), 'lookup:n1', limit));
		expect(verdicts.map((v) => v.allowed)).toEqual([true, true, true, false]);
		expect(verdicts.map((v) => v.remaining)).toEqual([2, 1, 0, 0]);
		expect(verdicts[3]!.retryAfter).toBe(900);
	});

	it('slides: a window aligned to the clock would start afresh at 15:15, this one does not', async () => {
		for (let i = 0; i < 3; i++) await rateLimit.hit(db(), 'slide:a', limit);
		at(60);
		const refused = await rateLimit.hit(db(), 'slide:a', limit);
		expect(refused.allowed).toBe(false);
		expect(refused.retryAfter).toBe(840);
		at(901);
		expect((await rateLimit.hit(db(), 'slide:a', limit)).allowed).toBe(true);
	});

	it('lets each hit leave the window on its own', async () => {
		await rateLimit.hit(db(), 'slide:b', limit);
		at(300);
		await rateLimit.hit(db(), 'slide:b', limit);
		await rateLimit.hit(db(), 'slide:b', limit);
		at(899);
		expect((await rateLimit.check(db(), 'slide:b', limit)).allowed).toBe(false);
		at(901);
		const check = await rateLimit.check(db(), 'slide:b', limit);
		expect(check).toMatchObject({ allowed: true, used: 2, remaining: 1 });
	});

	it('checks without counting', async () => {
		await rateLimit.hit(db(), 'b', limit);
		await rateLimit.check(db(), 'b', limit);
		await rateLimit.check(db(), 'b', limit);
		expect((await rateLimit.hit(db(), 'b', limit)).used).toBe(2);
	});

	it('gives a refunded hit back, and ignores giving back a refused one', async () => {
		for (let i = 0; i < 2; i++) await rateLimit.hit(db(), 'r', limit);
		await rateLimit.refund(db(), await rateLimit.hit(db(), 'r', limit));
		expect((await rateLimit.hit(db(), 'r', limit)).allowed).toBe(true);
		const refused = await rateLimit.hit(db(), 'r', limit);
		expect(refused.allowed).toBe(false);
		await rateLimit.refund(db(), refused);
		expect((await rateLimit.check(db(), 'r', limit)).used).toBe(3);
	});

	it('lets at most the limit through when hits arrive all at once', async () => {
		const verdicts = await Promise.all(
			Array.from({ length: 10 }, () => rateLimit.hit(db(), 'burst', limit))
		);
		expect(verdicts.filter((v) => v.allowed)).toHaveLength(3);
	});

	it('counts a hit as part of the caller’s transaction', async () => {
		await expect(
			db().transaction(async (tx) => {
				await rateLimit.hit(tx, 'tx', limit);
				throw new Error('the work failed');
			})
		).rejects.toThrow('the work failed');
		expect((await rateLimit.check(db(), 'tx', limit)).used).toBe(0);
	});

	it('stores a bucket that carries a NUL character', async () => {
		expect((await rateLimit.hit(db(), 'lookup:\u0000x', limit)).allowed).toBe(true);
	});

	it('counts each bucket apart', async () => {
		for (let i = 0; i < 3; i++) await rateLimit.hit(db(), 'a', limit);
		expect((await rateLimit.check(db(), 'a', limit)).allowed).toBe(false);
		expect((await rateLimit.check(db(), 'c', limit)).allowed).toBe(true);
	});

	it('forgets hits a day old', async () => {
		await rateLimit.hit(db(), 'old', limit);
		at(24 * 3600 + 1);
		expect(await rateLimit.prune(db())).toBeGreaterThan(0);
	});
});

describe('guesses at a secret', () => {
	const limits: GuessLimits = {
		perClient: { max: 20, minutes: 15 },
		perTargetFromClient: { max: 5, minutes: 15 },
		perTarget: { max: 5, minutes: 15 },
		underAttackFromClient: 1
	};
	const wrong = async (client: string, target: string) => {
		const verdict = await guess(db(), limits, { client: `c:${client}`, target: `t:${target}` });
		return verdict.limited ? ('limited' as const) : verdict.failed();
	};

	it('refuses a client after its wrong answers, and tells how many remain before that', async () => {
		const answers = [];
		for (let i = 0; i < 6; i++) answers.push(await wrong('1.1.1.1', 'acct'));
		expect(answers).toEqual([
			{ remaining: 4 },
			{ remaining: 3 },
			{ remaining: 2 },
			{ remaining: 1 },
			{ remaining: 0 },
			'limited'
		]);
	});

	it('lets the owner in from another address while the target is under attack', async () => {
		for (let i = 0; i < 5; i++) await wrong(`10.0.0.${i}`, 'acct');
		// Under attack: a new address gets its one check, and a wrong answer is told to pause.
		expect(await wrong('10.0.1.1', 'acct')).toEqual({ remaining: 0, retryAfter: 900 });
		expect(await wrong('10.0.1.1', 'acct')).toBe('limited');
		const owner = await guess(db(), limits, { client: 'c:192.0.2.7', target: 't:acct' });
		expect(owner.limited).toBe(false);
	});

	it('refuses a limited client even before it could be right', async () => {
		for (let i = 0; i < 20; i++) await wrong('203.0.113.9', `other-${i}`);
		const verdict = await guess(db(), limits, { client: 'c:203.0.113.9', target: 't:mine' });
		expect(verdict).toEqual({ limited: true, retryAfter: 900 });
	});

	it('gives every hit back after a right answer', async () => {
		for (let i = 0; i < 4; i++) await wrong('1.2.3.4', 'acct');
		const right = await guess(db(), limits, { client: 'c:1.2.3.4', target: 't:acct' });
		if (right.limited) throw new Error('limited');
		await right.succeeded();
		expect(await wrong('1.2.3.4', 'acct')).toEqual({ remaining: 0 });
	});

	it('checks at most the limit of twenty guesses sent at once from one address', async () => {
		const answers = await Promise.all(
			Array.from({ length: 20 }, () => guess(db(), limits, { client: 'c:x', target: 't:acct' }))
		);
		expect(answers.filter((a) => !a.limited)).toHaveLength(5);
	});
});

describe('client addresses', () => {
	it('counts an IPv6 client by its /64 network and IPv4 as itself', () => {
		expect(clientOf('203.0.113.9')).toBe('203.0.113.9');
		expect(clientOf('::ffff:203.0.113.9')).toBe('203.0.113.9');
		expect(clientOf('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
		expect(clientOf('2001:0db8:0001:0002:ffff:0:0:9')).toBe('2001:db8:1:2::/64');
		expect(clientOf('2001:db8::1')).toBe('2001:db8:0:0::/64');
		expect(clientOf('::1')).toBe('0:0:0:0::/64');
	});
});
