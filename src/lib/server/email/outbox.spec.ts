import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outbox } from '../db/schema';
import { useTestDatabase } from '../testing/database';
import { startMailbox, type Mailbox } from '../testing/smtp';
import { enqueue, sendDue } from './outbox';

const db = useTestDatabase();
let mailbox: Mailbox;

beforeAll(async () => {
	mailbox = await startMailbox();
});
afterAll(async () => {
	await mailbox.close();
});

function message(to = 'ciudadana@example.com') {
	return {
		kind: 'test',
		to,
		subject: 'Su cita',
		text: 'Hola',
		attachments: [
			{ filename: 'cita.ics', content: 'BEGIN:VCALENDAR', contentType: 'text/calendar' }
		]
	};
}

describe('outbox', () => {
	it('sends a queued message through SMTP with its attachment', async () => {
		mailbox.messages.length = 0;
		await enqueue(db(), message());
		expect(await sendDue(db(), mailbox.transport)).toBe(1);
		expect(mailbox.messages).toHaveLength(1);
		expect(mailbox.messages[0]?.subject).toBe('Su cita');
		expect(mailbox.messages[0]?.attachments[0]?.filename).toBe('cita.ics');
	});

	it('sends each message once', async () => {
		mailbox.messages.length = 0;
		await enqueue(db(), message());
		await sendDue(db(), mailbox.transport);
		await sendDue(db(), mailbox.transport);
		expect(mailbox.messages).toHaveLength(1);
	});

	it('keeps a refused message for a later attempt', async () => {
		mailbox.messages.length = 0;
		mailbox.refuseNext(1);
		await enqueue(db(), message());
		expect(await sendDue(db(), mailbox.transport)).toBe(0);
		const [row] = await db().select().from(outbox);
		expect(row).toMatchObject({ status: 'pending', attempts: 1 });
		expect(row!.nextAttemptAt.getTime()).toBeGreaterThan(Date.now());
	});

	it('sends nothing when the transaction that queued it rolls back', async () => {
		mailbox.messages.length = 0;
		await db()
			.transaction(async (tx) => {
				await enqueue(tx, message());
				throw new Error('the booking failed');
			})
			.catch(() => {});
		await sendDue(db(), mailbox.transport);
		expect(mailbox.messages).toHaveLength(0);
	});
});
