import { randomUUID } from 'node:crypto';
import postgres from 'postgres';
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../testing/database';
import { LISTENER_NAME, wakeups } from './wakeups';

const url = process.env.DATABASE_URL;
const db = useTestDatabase();

describe.skipIf(!url)('wake-ups between instances (PostgreSQL)', () => {
	it('wake a request waiting on this instance when another instance notifies', async () => {
		await wakeups.ready();
		const other = postgres(url!, { max: 1, onnotice: () => {} });
		try {
			const call = randomUUID();
			const started = Date.now();
			const waiting = wakeups.wait(call, 30_000);
			await other`select pg_notify('ventanilla_calls', ${call})`;
			await waiting;
			// Well before the 30 s the wait would otherwise last.
			expect(Date.now() - started).toBeLessThan(15_000);
		} finally {
			await other.end();
		}
	});

	// Last: once closed, this process's wake-ups only poll.
	it('close their LISTEN connection on shutdown', async () => {
		await wakeups.ready();
		const admin = postgres(url!, { max: 1, onnotice: () => {} });
		const listening = async () => {
			const [row] = await admin<{ count: number }[]>`
				select count(*)::int as count from pg_stat_activity
				where application_name = ${LISTENER_NAME}`;
			return row!.count;
		};
		try {
			expect(await listening()).toBe(1);
			await wakeups.close();
			await expect.poll(listening).toBe(0);
		} finally {
			await admin.end();
		}
	});
});

describe('wake-ups within one instance', () => {
	it('end a wait when the call changes, and leave other calls waiting', async () => {
		const call = randomUUID();
		let otherWoke = false;
		void wakeups.wait(randomUUID(), 2000).then(() => (otherWoke = true));
		const waiting = wakeups.wait(call, 30_000);
		const started = Date.now();
		await wakeups.notify(db(), call);
		await waiting;
		expect(Date.now() - started).toBeLessThan(15_000);
		expect(otherWoke).toBe(false);
	});
});
