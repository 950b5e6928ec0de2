import { and, eq, lt, lte } from 'drizzle-orm';
import type { Transporter } from 'nodemailer';
import { clock } from '../clock';
import type { Database } from '../db';
import { outbox } from '../db/schema';
import type { Transaction } from '../idempotency';
import { errorFields, log } from '../log';
import { config } from '../config';
import { entity } from '$lib/config/entity';

export interface Message {
	/** What kind of message, for logs and tests (e.g. "appointment.confirmed"). */
	kind: string;
	to: string;
	subject: string;
	text: string;
	html?: string;
	attachments?: { filename: string; content: string; contentType: string }[];
}

const MAX_ATTEMPTS = 8;

/**
 * Writes a message in the caller's transaction: if the change that causes it rolls back, no email
 * is sent; if it commits, the worker sends it, retrying until the SMTP server accepts it.
 */
export async function enqueue(tx: Transaction | Database, message: Message): Promise<void> {
	await tx.insert(outbox).values({
		kind: message.kind,
		recipient: message.to,
		subject: message.subject,
		text: message.text,
		html: message.html,
		attachments: message.attachments ?? []
	});
}

/**
 * Sends what is due. Each batch is claimed with FOR UPDATE SKIP LOCKED inside one transaction,
 * so two app instances never send the same message twice.
 */
export async function sendDue(db: Database, transport: Transporter, batch = 20): Promise<number> {
	return db.transaction(async (tx) => {
		const due = await tx
			.select()
			.from(outbox)
			.where(and(eq(outbox.status, 'pending'), lte(outbox.nextAttemptAt, clock.now())))
			.orderBy(outbox.createdAt)
			.limit(batch)
			.for('update', { skipLocked: true });
		let sent = 0;
		for (const message of due) {
			try {
				await transport.sendMail({
					from: config.smtp.from,
					to: message.recipient,
					subject: message.subject,
					text: message.text,
					html: message.html ?? undefined,
					attachments: message.attachments.map((a) => ({
						filename: a.filename,
						content: a.content,
						contentType: a.contentType
					}))
				});
				await tx
					.update(outbox)
					.set({
						status: 'sent',
						sentAt: clock.now(),
						attempts: message.attempts + 1,
						lastError: null
					})
					.where(eq(outbox.id, message.id));
				sent += 1;
			} catch (error) {
				const attempts = message.attempts + 1;
				log.warn('email not sent', { kind: message.kind, attempts, ...errorFields(error) });
				await tx
					.update(outbox)
					.set({
						attempts,
						status: attempts >= MAX_ATTEMPTS ? 'failed' : 'pending',
						lastError: errorFields(error).error as string,
						nextAttemptAt: new Date(
							clock.now().getTime() + Math.min(3600, 2 ** attempts * 15) * 1000
						)
					})
					.where(eq(outbox.id, message.id));
			}
		}
		return sent;
	});
}

/**
 * Drops every message written more than the retention period ago (entity.privacy.retentionDays):
 * each holds an address and a text about a person. One still unsent by then is stale (a reminder
 * of a past appointment) and goes too. One DELETE, so several instances may run it at once.
 */
export async function prune(db: Database): Promise<number> {
	const before = new Date(clock.now().getTime() - entity.privacy.retentionDays * 24 * 3600_000);
	const dropped = await db
		.delete(outbox)
		.where(lt(outbox.createdAt, before))
		.returning({ status: outbox.status });
	const unsent = dropped.filter((row) => row.status !== 'sent').length;
	if (unsent) log.warn('emails dropped unsent after the retention period', { count: unsent });
	return dropped.length;
}
