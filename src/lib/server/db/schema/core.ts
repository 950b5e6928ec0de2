import { recordedAt } from './columns';
import { sql } from 'drizzle-orm';
import {
	bigserial,
	check,
	index,
	integer,
	jsonb,
	pgTable,
	primaryKey,
	text,
	timestamp,
	uuid
} from 'drizzle-orm/pg-core';
import type { Attachment } from '../../email/outbox';
import type { EmailRecipe } from '../../appointments/emails';

/** Replays of requests that carried an Idempotency-Key: the first answer is kept and returned again. */
export const idempotencyKeys = pgTable(
	'idempotency_keys',
	{
		scope: text('scope').notNull(),
		key: text('key').notNull(),
		requestHash: text('request_hash').notNull(),
		status: integer('status').notNull(),
		body: jsonb('body').notNull(),
		createdAt: recordedAt('created_at')
	},
	(t) => [primaryKey({ columns: [t.scope, t.key] })]
);

/** Fixed-window counters shared by every app instance (rate limits live in the database). */
export const rateLimits = pgTable(
	'rate_limits',
	{
		bucket: text('bucket').notNull(),
		windowStart: timestamp('window_start', { withTimezone: true }).notNull(),
		hits: integer('hits').notNull().default(0)
	},
	(t) => [primaryKey({ columns: [t.bucket, t.windowStart] })]
);

/** Email written in the same transaction as the change that causes it, then sent by the worker. */
export const outbox = pgTable(
	'outbox',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		kind: text('kind').notNull(),
		recipient: text('recipient').notNull(),
		subject: text('subject').notNull(),
		text: text('text').notNull(),
		html: text('html'),
		attachments: jsonb('attachments')
			.$type<Attachment[]>()
			.notNull()
			.default(sql`'[]'::jsonb`),
		/** What a message will say, written when it is sent (subject and text are empty until then). */
		recipe: jsonb('recipe').$type<EmailRecipe>(),
		status: text('status', { enum: ['pending', 'sent', 'failed'] })
			.notNull()
			.default('pending'),
		attempts: integer('attempts').notNull().default(0),
		nextAttemptAt: recordedAt('next_attempt_at'),
		sentAt: timestamp('sent_at', { withTimezone: true }),
		lastError: text('last_error'),
		createdAt: recordedAt('created_at')
	},
	(t) => [index('outbox_due_idx').on(t.status, t.nextAttemptAt)]
);

/** Who did what and when, for staff actions and automatic closures. */
export const auditLog = pgTable('audit_log', {
	id: bigserial('id', { mode: 'number' }).primaryKey(),
	actor: text('actor').notNull(),
	action: text('action').notNull(),
	subject: text('subject').notNull(),
	data: jsonb('data')
		.notNull()
		.default(sql`'{}'::jsonb`),
	at: recordedAt('at')
});

/** Legal response terms in business days (Ley 1755 de 2015, art. 14); an entity may publish shorter ones. */
export const legalTerms = pgTable(
	'legal_terms',
	{
		petitionType: text('petition_type').primaryKey(),
		businessDays: integer('business_days').notNull(),
		updatedAt: recordedAt('updated_at')
	},
	(t) => [check('legal_terms_positive', sql`${t.businessDays} > 0`)]
);
