import { and, eq, lt, sql } from 'drizzle-orm';
import { clock } from './clock';
import type { Database } from './db';
import { rateLimits } from './db/schema';

export interface Limit {
	/** How many hits a window allows. */
	max: number;
	windowSeconds: number;
}

export interface Verdict {
	allowed: boolean;
	/** Seconds until the window resets, for Retry-After. */
	retryAfter: number;
}

/** What `hit` counted, so the hit can be given back with `refund`. */
export interface Hit extends Verdict {
	bucket: string;
	windowStart: Date;
}

/** The longest window a limit may have: `prune` keeps every window at least this long. */
export const MAX_WINDOW_SECONDS = 24 * 3600;

function window(limit: Limit, now: Date): { start: Date; retryAfter: number } {
	if (limit.windowSeconds > MAX_WINDOW_SECONDS)
		throw new Error('A rate-limit window is a day at most');
	const size = limit.windowSeconds * 1000;
	const start = Math.floor(now.getTime() / size) * size;
	return {
		start: new Date(start),
		retryAfter: Math.max(1, Math.ceil((start + size - now.getTime()) / 1000))
	};
}

/**
 * Fixed-window counters kept in the database, so every app instance shares them.
 * `check` reads without counting; `hit` counts one and says whether it was still allowed.
 */
// Buckets often carry what a client typed; PostgreSQL text cannot hold U+0000.
const clean = (bucket: string) => bucket.replaceAll('\u0000', '');

export const rateLimit = {
	async check(db: Database, bucket: string, limit: Limit): Promise<Verdict> {
		bucket = clean(bucket);
		const { start, retryAfter } = window(limit, clock.now());
		const [row] = await db
			.select({ hits: rateLimits.hits })
			.from(rateLimits)
			.where(and(eq(rateLimits.bucket, bucket), eq(rateLimits.windowStart, start)));
		return { allowed: (row?.hits ?? 0) < limit.max, retryAfter };
	},

	async hit(db: Database, bucket: string, limit: Limit): Promise<Hit> {
		bucket = clean(bucket);
		const { start, retryAfter } = window(limit, clock.now());
		const [row] = await db
			.insert(rateLimits)
			.values({ bucket, windowStart: start, hits: 1 })
			.onConflictDoUpdate({
				target: [rateLimits.bucket, rateLimits.windowStart],
				set: { hits: sql`${rateLimits.hits} + 1` }
			})
			.returning({ hits: rateLimits.hits });
		return { allowed: (row?.hits ?? 1) <= limit.max, retryAfter, bucket, windowStart: start };
	},

	/**
	 * Gives back a hit taken with `hit`. Counting first and refunding what should not count is
	 * what keeps concurrent requests (on any instance) from all passing a check before any counts.
	 */
	async refund(db: Database, hit: Hit): Promise<void> {
		await db
			.update(rateLimits)
			.set({ hits: sql`greatest(${rateLimits.hits} - 1, 0)` })
			.where(and(eq(rateLimits.bucket, hit.bucket), eq(rateLimits.windowStart, hit.windowStart)));
	},

	/**
	 * Drops the windows that started more than MAX_WINDOW_SECONDS ago: they have ended whatever
	 * their length. One DELETE, so several instances may run it at once; the worker calls it.
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
