import { and, eq, sql } from 'drizzle-orm';
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
	if (!KEY.test(key)) throw new DomainError('IDEMPOTENCY_KEY_INVALID');
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
