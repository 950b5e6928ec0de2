import { and, eq, gt, lt, sql } from 'drizzle-orm';
import { isIPv4, isIPv6 } from 'node:net';
import type { Allowance, GuessLimits } from '$lib/config/entity';
import { clock } from './clock';
import { keyedHash } from './crypto';
import type { Database } from './db';
import { rowsOf } from './db/call';
import { rateLimits } from './db/schema';
import type { Transaction } from './idempotency';

export interface Limit {
	/** How many hits any window of this length allows. */
	max: number;
	windowSeconds: number;
}

export interface Verdict {
	allowed: boolean;
	/** Hits in the window, this one included when it was allowed. */
	used: number;
	/** Hits the window still allows after this one. */
	remaining: number;
	/** Seconds until the window allows one more hit, for Retry-After. */
	retryAfter: number;
}

/** What `hit` counted, so the hit can be given back with `refund`. */
export interface Hit extends Verdict {
	bucket: string;
	at: Date;
}

/** The longest window a limit may have: `prune` keeps every hit at least this long. */
export const MAX_WINDOW_SECONDS = 24 * 3600;

/** A setting of the entity profile as the counters take it. */
export function limitOf(allowance: Allowance): Limit {
	return { max: allowance.max, windowSeconds: allowance.minutes * 60 };
}

// Buckets carry what a client typed (an email, a number, an address): only a keyed hash of it is
// stored, so the table holds no personal data and no character PostgreSQL text refuses (U+0000).
function stored(bucket: string): string {
	const kind = bucket.slice(0, Math.max(0, bucket.indexOf(':'))).replace(/[^a-z-]/g, '');
	return `${kind}:${keyedHash(`rate-limit:${bucket}`, 'base64url')}`;
}

function checked(limit: Limit): Limit {
	if (limit.windowSeconds > MAX_WINDOW_SECONDS) {
		throw new Error('A rate-limit window is a day at most');
	}
	return limit;
}

type Db = Database | Transaction;

/** Hits of a bucket in the window that ends now, and when the oldest of them leaves it. */
async function counted(db: Db, bucket: string, limit: Limit, now: Date) {
	const since = new Date(now.getTime() - limit.windowSeconds * 1000);
	const [row] = await db
		.select({
			used: sql<number>`coalesce(sum(${rateLimits.hits}), 0)::int`,
			oldest: sql<string | null>`min(${rateLimits.windowStart})`
		})
		.from(rateLimits)
		.where(
			and(eq(rateLimits.bucket, bucket), gt(rateLimits.windowStart, since), gt(rateLimits.hits, 0))
		);
	const used = Number(row?.used ?? 0);
	const oldest = row?.oldest ? new Date(row.oldest).getTime() : now.getTime();
	const retryAfter = Math.max(
		1,
		Math.ceil((oldest + limit.windowSeconds * 1000 - now.getTime()) / 1000)
	);
	return { used, retryAfter };
}

/** The verdict of one counter as `vt_hit` gives it: {allowed 0|1, used, retryAfter}. */
function verdictOf(
	key: string,
	limit: Limit,
	at: Date,
	[allowed, used, retryAfter]: number[]
): Hit {
	return allowed
		? {
				bucket: key,
				at,
				allowed: true,
				used: used!,
				remaining: limit.max - used!,
				retryAfter: retryAfter!
			}
		: { bucket: key, at, allowed: false, used: used!, remaining: 0, retryAfter: retryAfter! };
}

/** Hits to count in one statement: the arguments of `vt_hits`, and how to read its answer. */
function counting(counters: { bucket: string; limit: Limit }[]) {
	const keys = counters.map(({ bucket, limit }) => (checked(limit), stored(bucket)));
	const maxes = counters.map((c) => c.limit.max);
	const windows = counters.map((c) => c.limit.windowSeconds);
	const now = clock.now();
	return {
		// Each array as one parameter (sql.param): drizzle would spread a plain array into a list of
		// parameters, which a look-up paid for in SQL building, allocation and binding.
		args: sql`${sql.param(keys)}::text[], ${sql.param(maxes)}::integer[], ${sql.param(windows)}::integer[], ${now.toISOString()}::timestamptz`,
		read: (answer: number[]) =>
			counters.map((counter, i) =>
				verdictOf(keys[i]!, counter.limit, now, answer.slice(i * 3, i * 3 + 3))
			)
	};
}

/**
 * Counts one hit on each bucket in one statement (`vt_hits`, drizzle/0008_booking_function.sql):
 * each under its bucket's lock, taken in the order given, and recorded only when allowed.
 */
async function hitAll(db: Db, counters: { bucket: string; limit: Limit }[]): Promise<Hit[]> {
	const { args, read } = counting(counters);
	const [row] = await rowsOf<{ hits: number[] }>(db, sql`select vt_hits(${args}) as hits`);
	return read(row!.hits);
}

/**
 * Sliding-window counters kept in the database, so every app instance shares them: a row per
 * bucket and instant, and a hit is allowed when the hits of the last `windowSeconds` number fewer
 * than `max`. Counting takes a lock on the bucket for the rest of the caller's transaction, so
 * hits sent at once (to any instance) are counted one after another and never all pass.
 */
export const rateLimit = {
	/** Reads without counting. */
	async check(db: Db, bucket: string, limit: Limit): Promise<Verdict> {
		const { used, retryAfter } = await counted(db, stored(bucket), checked(limit), clock.now());
		return {
			allowed: used < limit.max,
			used,
			remaining: Math.max(0, limit.max - used),
			retryAfter
		};
	},

	/**
	 * Counts one hit, before the work it guards, and says whether it was allowed. A refused hit is
	 * not recorded. Given a transaction, the count is part of it: if the work rolls back, so does
	 * the hit, and the bucket stays locked until it ends. One statement.
	 */
	async hit(db: Db, bucket: string, limit: Limit): Promise<Hit> {
		const [hit] = await hitAll(db, [{ bucket, limit }]);
		return hit!;
	},

	/** The key a bucket is stored under, for work done in the database itself (vt_book). */
	key: stored,

	/**
	 * Gives back allowed hits of one instant (a refused one was never recorded). Counting first
	 * and giving back what should not count (a right password, a refused request) is what keeps
	 * concurrent requests from all passing a check before any of them counts.
	 */
	async refund(db: Db, ...hits: Hit[]): Promise<void> {
		const given = hits.filter((hit) => hit.allowed);
		if (given.length === 0) return;
		await db.execute(
			sql`select vt_refund(${sql.param(given.map((hit) => hit.bucket))}::text[], ${given[0]!.at.toISOString()}::timestamptz)`
		);
	},

	/**
	 * Drops the hits older than MAX_WINDOW_SECONDS: no window reaches them. One DELETE, so several
	 * instances may run it at once; the worker calls it.
	 */
	async prune(db: Database): Promise<number> {
		const before = new Date(clock.now().getTime() - MAX_WINDOW_SECONDS * 1000);
		const dropped = await db
			.delete(rateLimits)
			.where(lt(rateLimits.windowStart, before))
			.returning({ bucket: rateLimits.bucket });
		return dropped.length;
	}
};

/**
 * The client a request comes from, as the limits count it: an IPv4 address, or the /64 network of
 * an IPv6 address (one subscriber gets a whole /64, so counting single addresses would give one
 * client 2^64 budgets). IPv4 written as IPv6 (::ffff:192.0.2.1) is the IPv4 address.
 */
export function clientOf(address: string): string {
	const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
	if (mapped && isIPv4(mapped)) return mapped;
	if (!isIPv6(address)) return address;
	const [head = '', tail = ''] = address.toLowerCase().split('::');
	const left = head ? head.split(':') : [];
	const right = tail ? tail.split(':') : [];
	const groups = address.includes('::')
		? [...left, ...Array(8 - left.length - right.length).fill('0'), ...right]
		: left;
	return `${groups
		.slice(0, 4)
		.map((group) => group.replace(/^0+(?=.)/, ''))
		.join(':')}::/64`;
}

/** The verdict on one try at a secret: limited before any check, or free to check. */
export type Guess =
	| { limited: true; retryAfter: number }
	| {
			limited: false;
			/** Gives every hit back: the answer was right. */
			succeeded(): Promise<void>;
			/**
			 * After a wrong answer: how many more this client may give before a pause, or, when the
			 * account or number is under attack, that this client must pause now (`retryAfter`).
			 */
			failed(): { remaining: number; retryAfter?: number };
	  };

/**
 * Counts a try at a secret against three buckets at once, before the secret is checked: the
 * client address, the client address with this target, and the target from every address. A
 * client over its own limits is refused unchecked. The target's limit never refuses a right
 * answer: once it is spent (the target is under attack), each address may only try
 * `underAttackFromClient` times in the window, and wrong answers are told to pause. So the owner,
 * from an address that is not itself limited, always gets in.
 */
export async function guess(
	db: Database,
	limits: GuessLimits,
	buckets: { client: string; target: string }
): Promise<Guess> {
	const { args, judge } = guessing(limits, buckets);
	const [row] = await rowsOf<{ hits: number[] }>(db, sql`select vt_hits(${args}) as hits`);
	return judge(db, row!.hits);
}

/**
 * A guess counted by a statement of the caller's (`vt_lookup` counts it and reads the petition at
 * once): `args` are vt_hits's, and `judge` takes what it answered.
 */
export function guessing(limits: GuessLimits, buckets: { client: string; target: string }) {
	const clientLimit = limitOf(limits.perClient);
	const pairLimit = limitOf(limits.perTargetFromClient);
	const targetLimit = limitOf(limits.perTarget);
	// The buckets always in this order (client, pair, target), so two guesses never wait on each
	// other in a circle.
	const { args, read } = counting([
		{ bucket: buckets.client, limit: clientLimit },
		{ bucket: `${buckets.client}|${buckets.target}`, limit: pairLimit },
		{ bucket: buckets.target, limit: targetLimit }
	]);
	return {
		args,
		judge: (db: Db, answer: number[], counted = true) => judged(db, limits, read(answer), counted)
	};
}

/** `counted` is false when the statement only read what the hits would answer (nothing to give back). */
async function judged(db: Db, limits: GuessLimits, hits: Hit[], counted: boolean): Promise<Guess> {
	const pairLimit = limitOf(limits.perTargetFromClient);
	const [client, pair, target] = hits as [Hit, Hit, Hit];
	const refundAll = counted ? () => rateLimit.refund(db, ...hits) : async () => {};
	const underAttack = !target.allowed;
	const overPair = underAttack && pair.used > limits.underAttackFromClient;
	if (!client.allowed || !pair.allowed || overPair) {
		await refundAll();
		const waits = [
			!client.allowed ? client.retryAfter : 0,
			!pair.allowed ? pair.retryAfter : 0,
			overPair ? Math.max(target.retryAfter, pair.retryAfter) : 0
		];
		return { limited: true, retryAfter: Math.max(...waits) };
	}
	return {
		limited: false,
		succeeded: refundAll,
		failed: () => {
			if (underAttack) return { remaining: 0, retryAfter: pairLimit.windowSeconds };
			return { remaining: Math.min(client.remaining, pair.remaining) };
		}
	};
}
