import { and, eq, inArray, lt, lte } from 'drizzle-orm';
import type { Transporter } from 'nodemailer';
import { clock } from '../clock';
import type { Database } from '../db';
import { outbox } from '../db/schema';
import type { Transaction } from '../idempotency';
import { errorFields, log } from '../log';
import { config } from '../config';
import { entity } from '$lib/config/entity';
import { limitOf, rateLimit } from '../rate-limit';
import type { EmailRecipe } from '../appointments/emails';

/** A file sent with a message. */
export interface Attachment {
	filename: string;
	content: string;
	contentType: string;
}

export interface Message {
	/** What kind of message, for logs and tests (e.g. "appointment.confirmed"). */
	kind: string;
	to: string;
	subject: string;
	text: string;
	html?: string;
	attachments?: Attachment[];
	/** Set instead of subject and text for a message written when it is sent. */
	recipe?: EmailRecipe;
}

const MAX_ATTEMPTS = 8;

/** One mailbox however it is written: no capitals, no "+tag" after the name. */
export function mailbox(address: string): string {
	const [name = '', domain = ''] = address
		.trim()
		.toLowerCase()
		.split(/@(?=[^@]*$)/);
	return `${name.replace(/\+.*$/, '')}@${domain}`;
}

/**
 * Writes a message in the caller's transaction: if the change that causes it rolls back, no email
 * is sent; if it commits, the worker sends it, retrying until the SMTP server accepts it.
 *
 * A message the recipient did not ask for by confirming anything (`unconfirmed`: a petition's
 * receipt, a booking's link to confirm it) counts against that address first
 * (entity.limits.unconfirmedEmailsPerRecipient, a sliding day): once the address had its few, the
 * message is not written and `enqueue` answers false, so a public form is no mail cannon.
 */
export async function enqueue(
	tx: Transaction | Database,
	message: Message,
	options: { unconfirmed?: boolean } = {}
): Promise<boolean> {
	if (options.unconfirmed) {
		const hit = await rateLimit.hit(
			tx,
			`email-unconfirmed:${mailbox(message.to)}`,
			limitOf(entity.limits.unconfirmedEmailsPerRecipient)
		);
		if (!hit.allowed) return false;
	}
	await tx.insert(outbox).values({
		kind: message.kind,
		recipient: message.to,
		subject: message.subject,
		text: message.text,
		html: message.html,
		attachments: message.attachments ?? [],
		recipe: message.recipe
	});
	return true;
}

// A claimed message is not claimed again for this long, so no other instance sends it meanwhile;
// longer than a batch can take with every SMTP wait at its limit.
const LEASE_MS = 15 * 60 * 1000;

// SMTP errors that say the relay is unreachable or hung, not that this message was refused.
const RELAY_DOWN = new Set(['ECONNECTION', 'ETIMEDOUT', 'ESOCKET', 'EDNS', 'ECONNREFUSED']);

type Outcome = Partial<typeof outbox.$inferInsert>;

// Outcomes the database could not take when they happened (it was down): kept until it is back,
// so a message that went out is marked sent instead of being sent again.
const unrecorded = new Map<string, Outcome>();

async function record(db: Database, id: string, outcome: Outcome): Promise<void> {
	try {
		await db.update(outbox).set(outcome).where(eq(outbox.id, id));
		unrecorded.delete(id);
	} catch (error) {
		unrecorded.set(id, outcome);
		log.warn('email outcome kept until the database is back', errorFields(error));
	}
}

/** A recipe's message (appointments/emails.ts imports this module, so it is loaded when needed). */
async function written(recipe: EmailRecipe): Promise<Message> {
	const { writeRecipe } = await import('../appointments/emails');
	return writeRecipe(recipe);
}

/**
 * Sends what is due. A batch is claimed (FOR UPDATE SKIP LOCKED, then leased) in a short
 * transaction, so two app instances never send the same message, and sent outside it, so a slow
 * relay holds no database connection. Each outcome is recorded as soon as it is known.
 */
export async function sendDue(db: Database, transport: Transporter, batch = 20): Promise<number> {
	for (const [id, outcome] of unrecorded) {
		await db.update(outbox).set(outcome).where(eq(outbox.id, id));
		unrecorded.delete(id);
	}
	const due = await db.transaction(async (tx) => {
		const rows = await tx
			.select()
			.from(outbox)
			.where(and(eq(outbox.status, 'pending'), lte(outbox.nextAttemptAt, clock.now())))
			.orderBy(outbox.createdAt)
			.limit(batch)
			.for('update', { skipLocked: true });
		if (rows.length > 0) {
			await tx
				.update(outbox)
				.set({ nextAttemptAt: new Date(clock.now().getTime() + LEASE_MS) })
				.where(
					inArray(
						outbox.id,
						rows.map((row) => row.id)
					)
				);
		}
		return rows;
	});
	let sent = 0;
	for (const [index, message] of due.entries()) {
		try {
			const { subject, text, html, attachments } = message.recipe
				? await written(message.recipe)
				: message;
			await transport.sendMail({
				from: config.smtp.from,
				to: message.recipient,
				subject,
				text,
				html: html ?? undefined,
				attachments: attachments ?? []
			});
			sent += 1;
			await record(db, message.id, {
				status: 'sent',
				sentAt: clock.now(),
				attempts: message.attempts + 1,
				lastError: null
			});
		} catch (error) {
			const attempts = message.attempts + 1;
			log.warn('email not sent', { kind: message.kind, attempts, ...errorFields(error) });
			await record(db, message.id, {
				attempts,
				status: attempts >= MAX_ATTEMPTS ? 'failed' : 'pending',
				lastError: errorFields(error).error as string,
				nextAttemptAt: new Date(clock.now().getTime() + Math.min(3600, 2 ** attempts * 15) * 1000)
			});
			// A relay that is down or hung would make every other message wait as long: they go
			// back to the queue untouched, for the next round.
			if (RELAY_DOWN.has((error as { code?: string }).code ?? '')) {
				for (const rest of due.slice(index + 1)) {
					await record(db, rest.id, { nextAttemptAt: clock.now() });
				}
				break;
			}
		}
	}
	return sent;
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
