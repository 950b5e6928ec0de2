import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { entity } from '$lib/config/entity';
import { clock } from '../clock';
import { idempotencyKeys, outbox, rateLimits, staffSessions, staffUsers } from '../db/schema';
import { KEY_DAYS } from '../idempotency';
import { log } from '../log';
import { MAX_WINDOW_SECONDS } from '../rate-limit';
import { useTestDatabase } from '../testing/database';
import { tick } from '.';

const db = useTestDatabase();
// Any instant works: every cut-off is counted back from the app's clock, never from today.
const NOW = new Date('2031-03-12T12:00:00-05:00');
const ago = (ms: number) => new Date(NOW.getTime() - ms);
const DAY = 24 * 3600_000;

beforeEach(() => clock.set(NOW));
afterEach(() => {
	clock.set(undefined);
	vi.restoreAllMocks();
});

/** One row just past each limit ("old") and one just inside it ("kept"), in every table pruned. */
async function leftovers() {
	const retention = entity.privacy.retentionDays * DAY;
	const email = (kind: string, status: 'pending' | 'sent' | 'failed', createdAt: Date) => ({
		kind,
		recipient: 'ana@example.com',
		subject: 'Su cita',
		text: 'Hola, Ana',
		status,
		createdAt
	});
	await db()
		.insert(outbox)
		.values([
			email('old-sent', 'sent', ago(retention + 60_000)),
			email('old-failed', 'failed', ago(retention + 60_000)),
			email('old-pending', 'pending', ago(retention + 60_000)),
			email('kept-sent', 'sent', ago(retention - 60_000))
		]);
	const key = (key: string, createdAt: Date) => ({
		scope: 'callbacks',
		key,
		requestHash: 'x',
		status: 201,
		body: { name: 'Ana' },
		createdAt
	});
	await db()
		.insert(idempotencyKeys)
		.values([
			key('old-key-1', ago(KEY_DAYS * DAY + 60_000)),
			key('kept-key', ago(KEY_DAYS * DAY - 60_000))
		]);
	await db()
		.insert(rateLimits)
		.values([
			{ bucket: 'old', windowStart: ago(MAX_WINDOW_SECONDS * 1000 + 60_000), hits: 3 },
			{ bucket: 'kept', windowStart: ago(MAX_WINDOW_SECONDS * 1000 - 60_000), hits: 3 }
		]);
	const [user] = await db()
		.insert(staffUsers)
		.values({ email: 'agente@example.org', passwordHash: 'x', role: 'agent' })
		.returning();
	await db()
		.insert(staffSessions)
		.values([
			{ tokenHash: 'old', userId: user!.id, createdAt: ago(DAY), expiresAt: ago(60_000) },
			{
				tokenHash: 'kept',
				userId: user!.id,
				createdAt: ago(DAY),
				expiresAt: new Date(NOW.getTime() + 60_000)
			}
		]);
}

async function left() {
	return {
		emails: (await db().select({ kind: outbox.kind }).from(outbox)).map((row) => row.kind).sort(),
		keys: (await db().select({ key: idempotencyKeys.key }).from(idempotencyKeys)).map(
			(row) => row.key
		),
		windows: (await db().select({ bucket: rateLimits.bucket }).from(rateLimits)).map(
			(row) => row.bucket
		),
		sessions: (await db().select({ token: staffSessions.tokenHash }).from(staffSessions)).map(
			(row) => row.token
		)
	};
}

describe('the worker', () => {
	it('drops old emails, keys, rate-limit windows and staff sessions, keeping recent ones', async () => {
		await leftovers();
		const failed = vi.spyOn(log, 'error');
		// Two instances' workers at once: each row goes once and neither fails.
		await Promise.all([tick(db()), tick(db())]);
		expect(failed).not.toHaveBeenCalled();
		expect(await left()).toEqual({
			emails: ['kept-sent'],
			keys: ['kept-key'],
			windows: ['kept'],
			sessions: ['kept']
		});
	});

	it('changes nothing more when it runs again, until the clock moves on', async () => {
		await leftovers();
		await tick(db());
		const once = await left();
		await tick(db());
		expect(await left()).toEqual(once);
		clock.set(new Date(NOW.getTime() + 2 * MAX_WINDOW_SECONDS * 1000));
		await tick(db());
		expect(await left()).toMatchObject({ windows: [], sessions: [] });
	});
});
