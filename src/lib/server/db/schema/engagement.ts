import { recordedAt } from './columns';
import { sql } from 'drizzle-orm';
import {
	check,
	date,
	index,
	integer,
	pgTable,
	text,
	timestamp,
	unique,
	uuid
} from 'drizzle-orm/pg-core';

/** Requests to be called back (the call-back mailbox), in Spanish or Wayuunaiki. */
export const callbacks = pgTable(
	'callbacks',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		name: text('name').notNull(),
		phone: text('phone').notNull(),
		language: text('language', { enum: ['es', 'guc'] }).notNull(),
		topic: text('topic').notNull(),
		details: text('details'),
		windowDate: date('window_date', { mode: 'string' }).notNull(),
		windowStart: text('window_start').notNull(),
		windowEnd: text('window_end').notNull(),
		consentAt: timestamp('consent_at', { withTimezone: true }).notNull(),
		policyVersion: text('policy_version').notNull(),
		status: text('status', { enum: ['pending', 'called', 'unreachable'] })
			.notNull()
			.default('pending'),
		attempts: integer('attempts').notNull().default(0),
		calledAt: timestamp('called_at', { withTimezone: true }),
		createdAt: recordedAt('created_at')
	},
	(t) => [index('callbacks_queue_idx').on(t.status, t.windowDate, t.windowStart)]
);

/** One answer of "¿Le sirvió?" per journey instance (a booking, a look-up, a call-back request…). */
export const surveys = pgTable(
	'surveys',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		journey: text('journey').notNull(),
		journeyRef: text('journey_ref').notNull(),
		rating: integer('rating').notNull(),
		comment: text('comment'),
		locale: text('locale').notNull(),
		createdAt: recordedAt('created_at')
	},
	(t) => [
		unique('surveys_one_per_journey').on(t.journey, t.journeyRef),
		check('surveys_rating_range', sql`${t.rating} between 1 and 5`)
	]
);
