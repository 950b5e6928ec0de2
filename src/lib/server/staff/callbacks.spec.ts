import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { instantAt } from '$lib/domain/calendar';
import { clock } from '../clock';
import { auditLog, callbacks as table } from '../db/schema';
import { callbackSchema, callbacks } from '../engagement/callbacks';
import { useTestDatabase } from '../testing/database';
import { callbackForm } from '../testing/factories';
import { refusalOf } from '../testing/refusals';

const db = useTestDatabase();
// Asked on Tuesday at 9:00 for Wednesday between 8:00 and 10:00 (the factory's window).
const ASKED = instantAt('2026-11-24', '09:00');
const NOW = instantAt('2026-11-25', '08:30');
let id: string;

beforeEach(async () => {
	clock.set(ASKED);
	const input = callbackSchema(() => ASKED).parse(callbackForm());
	({ id } = await callbacks.request(db(), input, null));
	clock.set(NOW);
});
afterEach(() => clock.set(undefined));

describe('the call-back queue', () => {
	it('refuses an attempt before the window the person chose, and counts nothing', async () => {
		clock.set(instantAt('2026-11-25', '07:59'));
		for (const result of ['called', 'unreachable'] as const) {
			const refused = await refusalOf(callbacks.mark(db(), id, result, 'a@example.org'));
			expect(refused.code).toBe('CALLBACK_TOO_EARLY');
			expect(refused.details).toMatchObject({
				values: { day: 'miércoles 25 de noviembre de 2026', time: '8:00 a. m.' },
				extra: { availableAt: '2026-11-25T08:00:00-05:00' }
			});
		}
		const [row] = await db().select().from(table).where(eq(table.id, id));
		expect(row).toMatchObject({ status: 'pending', attempts: 0 });
		expect(await db().select().from(auditLog).where(eq(auditLog.subject, id))).toHaveLength(0);
		clock.set(instantAt('2026-11-25', '08:00'));
		expect((await callbacks.mark(db(), id, 'unreachable', 'a@example.org')).attempts).toBe(1);
	});

	it('keeps a request after one unanswered attempt, and closes it after three', async () => {
		expect((await callbacks.mark(db(), id, 'unreachable', 'a@example.org')).status).toBe('pending');
		expect(await callbacks.queue(db())).toHaveLength(1);
		await callbacks.mark(db(), id, 'unreachable', 'a@example.org');
		const third = await callbacks.mark(db(), id, 'unreachable', 'a@example.org');
		expect(third).toMatchObject({ status: 'unreachable', attempts: 3 });
		expect(await callbacks.queue(db())).toHaveLength(0);
	});

	it('closes a request that was called and records who called', async () => {
		await callbacks.mark(db(), id, 'called', 'b@example.org');
		const [row] = await db().select().from(table).where(eq(table.id, id));
		expect(row).toMatchObject({ status: 'called', attempts: 1, calledAt: NOW });
		const [entry] = await db().select().from(auditLog).where(eq(auditLog.subject, id));
		expect(entry).toMatchObject({ actor: 'b@example.org', action: 'callback.called', at: NOW });
	});

	it('refuses to mark a closed request again', async () => {
		await callbacks.mark(db(), id, 'called', 'b@example.org');
		await expect(callbacks.mark(db(), id, 'called', 'b@example.org')).rejects.toMatchObject({
			code: 'CALLBACK_CLOSED'
		});
	});
});

describe('call-back retention', () => {
	it('erases name, phone and details after the retention period, keeping the figures', async () => {
		clock.set(new Date(ASKED.getTime() + 179 * 24 * 3600_000));
		expect(await callbacks.anonymise(db())).toBe(0);
		clock.set(new Date(ASKED.getTime() + 181 * 24 * 3600_000));
		expect(await callbacks.anonymise(db())).toBe(1);
		const [row] = await db().select().from(table).where(eq(table.id, id));
		expect(row).toMatchObject({ name: '', phone: '', details: null, language: 'guc' });
	});
});
