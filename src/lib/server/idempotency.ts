import { and, eq, lt, sql } from 'drizzle-orm';
import { clock } from './clock';
import { hash } from './crypto';
import type { Database } from './db';
import { idempotencyKeys } from './db/schema';
import { DomainError } from './errors';

export type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0];

/** A stable fingerprint of a request body, so a reused key with other data is refused. */
export function fingerprint(body: unknown): string {
	return hash(JSON.stringify(body ?? null));
}

const KEY = /^[\w-]{8,128}$/;

/** Whether an Idempotency-Key has the shape the API takes. */
export function idempotencyKeyValid(key: string): boolean {
	return KEY.test(key);
}

/**
 * Runs `work` once per (scope, key) and keeps its result (JSON) for replays. The key is claimed in
 * the same transaction as the work, so a replay sees either nothing (and runs) or the committed
 * first result; a failure stores nothing. The table's `status` column is no longer written: it
 * stays for the rows of older versions.
 */
export async function once<T>(
	db: Database,
	scope: string,
	key: string | null,
	body: unknown,
	work: (tx: Transaction) => Promise<T>
): Promise<{ result: T; replayed: boolean }> {
	if (key === null) return { result: await db.transaction(work), replayed: false };
	if (!idempotencyKeyValid(key)) throw new DomainError('IDEMPOTENCY_KEY_INVALID');
	const requestHash = fingerprint(body);
	return db.transaction(async (tx) => {
		const claimed = await tx
			.insert(idempotencyKeys)
			.values({ scope, key, requestHash, status: 0, body: sql`'null'::jsonb` })
			.onConflictDoNothing()
			.returning({ key: idempotencyKeys.key });
		if (claimed.length === 0) {
			const [first] = await tx
				.select()
				.from(idempotencyKeys)
				.where(and(eq(idempotencyKeys.scope, scope), eq(idempotencyKeys.key, key)));
			if (!first || first.requestHash !== requestHash) {
				throw new DomainError('IDEMPOTENCY_KEY_REUSED');
			}
			return { result: first.body as T, replayed: true };
		}
		const result = await work(tx);
		await tx
			.update(idempotencyKeys)
			.set({ body: result as object })
			.where(and(eq(idempotencyKeys.scope, scope), eq(idempotencyKeys.key, key)));
		return { result, replayed: false };
	});
}

/**
 * How long a key is remembered. A replay comes from a client that lost the first answer (a
 * dropped connection, a draft sent again when the signal returns), so it arrives within
 * minutes or days; the stored answers carry personal data, so they do not stay for ever.
 */
export const KEY_DAYS = 30;

/** Forgets keys older than KEY_DAYS. One DELETE, so several instances may run it at once. */
export async function prune(db: Database): Promise<number> {
	const before = new Date(clock.now().getTime() - KEY_DAYS * 24 * 3600_000);
	const dropped = await db
		.delete(idempotencyKeys)
		.where(lt(idempotencyKeys.createdAt, before))
		.returning({ key: idempotencyKeys.key });
	return dropped.length;
}
