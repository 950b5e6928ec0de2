import { asc } from 'drizzle-orm';
import { entity } from '$lib/config/entity';
import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { clock } from '../clock';
import { outbox } from '../db/schema';
import { useTestDatabase } from '../testing/database';
import { startMailbox, type Mailbox } from '../testing/smtp';
import { enqueue, sendDue } from './outbox';
import { createTransport } from './transport';

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
	it('writes at most the day’s few unconfirmed emails to one mailbox, however it is written', async () => {
		clock.set(new Date('2030-02-04T08:00:00-05:00'));
		const { max } = entity.limits.unconfirmedEmailsPerRecipient;
		const addresses = ['victima@example.com', 'VICTIMA@example.com', 'victima+1@example.com'];
		const written = [];
		for (let i = 0; i < max + 3; i++) {
			const to = addresses[i % addresses.length]!;
			written.push(await enqueue(db(), message(to), { unconfirmed: true }));
		}
		expect(written.filter(Boolean)).toHaveLength(max);
		expect(await enqueue(db(), message('otra@example.com'), { unconfirmed: true })).toBe(true);
		// A message about something the recipient confirmed is not limited.
		expect(await enqueue(db(), message('victima@example.com'))).toBe(true);
		// A sliding day: the first ones leave the window a day after they were written.
		clock.set(new Date('2030-02-05T07:59:00-05:00'));
		expect(await enqueue(db(), message('victima@example.com'), { unconfirmed: true })).toBe(false);
		clock.set(new Date('2030-02-05T08:00:01-05:00'));
		expect(await enqueue(db(), message('victima@example.com'), { unconfirmed: true })).toBe(true);
		clock.set(undefined);
	});

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

describe('outbox with a relay that fails', () => {
	const sockets: Socket[] = [];
	let relay: Server | undefined;
	afterEach(async () => {
		clock.set(undefined);
		for (const socket of sockets) socket.destroy();
		await new Promise((resolve) => (relay ? relay.close(resolve) : resolve(undefined)));
		relay = undefined;
	});

	/** A relay on loopback: `hang` accepts connections and never says a word; `refuse` is closed. */
	async function failingRelay(kind: 'hang' | 'refuse'): Promise<number> {
		const server = createServer((socket) => sockets.push(socket));
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		const { port } = server.address() as AddressInfo;
		if (kind === 'refuse') await new Promise((resolve) => server.close(resolve));
		else relay = server;
		return port;
	}

	it.each(['hang', 'refuse'] as const)(
		'gives up on a relay that does not answer (%s) within its timeout, then sends each message once',
		async (kind) => {
			mailbox.messages.length = 0;
			const port = await failingRelay(kind);
			const transport = createTransport({
				host: '127.0.0.1',
				port,
				secure: false,
				user: undefined,
				password: undefined,
				from: 'Ventanilla <no-responder@example.com>',
				timeoutMs: 300
			});
			for (const to of ['a@example.com', 'b@example.com', 'c@example.com']) {
				await enqueue(db(), message(to));
			}
			const started = Date.now();
			expect(await sendDue(db(), transport)).toBe(0);
			transport.close();
			// One bounded wait, not one per message: the others go back to the queue untouched.
			expect(Date.now() - started).toBeLessThan(3000);
			const rows = await db().select().from(outbox).orderBy(asc(outbox.createdAt));
			expect(rows.map((r) => [r.status, r.attempts])).toEqual([
				['pending', 1],
				['pending', 0],
				['pending', 0]
			]);
			expect(rows[0]!.nextAttemptAt.getTime()).toBeGreaterThan(clock.now().getTime());
			expect(rows[0]!.lastError).toBeTruthy();

			// The relay works again: the untouched ones go now, the tried one after its back-off.
			expect(await sendDue(db(), mailbox.transport)).toBe(2);
			clock.set(new Date(Date.now() + 60_000));
			expect(await sendDue(db(), mailbox.transport)).toBe(1);
			expect(await sendDue(db(), mailbox.transport)).toBe(0);
			const recipients = mailbox.messages.map((m) => (m.to as { text: string }).text).sort();
			expect(recipients).toEqual(['a@example.com', 'b@example.com', 'c@example.com']);
		}
	);
});
