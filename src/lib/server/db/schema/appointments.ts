import { recordedAt } from './columns';
import { sql } from 'drizzle-orm';
import {
	boolean,
	check,
	index,
	integer,
	jsonb,
	pgTable,
	text,
	timestamp,
	uuid
} from 'drizzle-orm/pg-core';

/**
 * One row per slot that has ever been booked: the counter the database itself keeps within
 * capacity. Booking increments it with a conditional upsert, so no interleaving can overbook.
 */
export const appointmentSlots = pgTable(
	'appointment_slots',
	{
		start: timestamp('start', { withTimezone: true }).primaryKey(),
		capacity: integer('capacity').notNull(),
		booked: integer('booked').notNull().default(0)
	},
	(t) => [
		check(
			'appointment_slots_within_capacity',
			sql`${t.booked} >= 0 and ${t.booked} <= ${t.capacity}`
		)
	]
);

export const APPOINTMENT_STATUSES = [
	/** Booked with an email and waiting for the emailed link to confirm it, until `holdExpiresAt`. */
	'held',
	/** A hold nobody confirmed in time: its place went back to the slot. */
	'expired',
	'booked',
	'cancelled',
	'attended',
	'no_show',
	'connection_failed',
	'reschedule_needed'
] as const;
export type AppointmentStatus = (typeof APPOINTMENT_STATUSES)[number];

/** A video appointment and the personal data it needs (deleted after the retention period). */
export const appointments = pgTable(
	'appointments',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		reference: text('reference').notNull().unique(),
		status: text('status', { enum: APPOINTMENT_STATUSES }).notNull().default('booked'),
		topic: text('topic').notNull(),
		start: timestamp('start', { withTimezone: true }).notNull(),
		end: timestamp('end', { withTimezone: true }).notNull(),
		/** The language of the pages and emails (es or guc). */
		locale: text('locale').notNull(),
		name: text('name').notNull(),
		documentType: text('document_type').notNull(),
		documentNumber: text('document_number').notNull(),
		/** Null for a booking with a phone only: the entity calls to confirm it. */
		email: text('email'),
		phone: text('phone'),
		description: text('description').notNull().default(''),
		/** The language of the call; Wayuunaiki means an interpreter joins. */
		callLanguage: text('call_language').notNull().default('es'),
		interpreter: boolean('interpreter').notNull().default(false),
		accessibilityNeeds: text('accessibility_needs').notNull().default(''),
		preferential: jsonb('preferential')
			.$type<string[]>()
			.notNull()
			.default(sql`'[]'::jsonb`),
		consentAt: timestamp('consent_at', { withTimezone: true }).notNull(),
		policyVersion: text('policy_version').notNull(),
		/** HMAC of the manage token, which opens the appointment; checked in constant time. */
		manageTokenHash: text('manage_token_hash').notNull(),
		/** HMAC of the token of the emailed link that confirms a hold (never the token itself). */
		confirmTokenHash: text('confirm_token_hash'),
		/** Until when a held place waits for the confirmation; then it returns to the slot. */
		holdExpiresAt: timestamp('hold_expires_at', { withTimezone: true }),
		/** Booked with a phone only: an official calls to confirm it. */
		confirmationCall: boolean('confirmation_call').notNull().default(false),
		/**
		 * The manage token sealed with the app's secret, so every email (a change, the reminder)
		 * carries a link that works in one click. Null for appointments booked before it was kept.
		 */
		manageTokenSealed: text('manage_token_sealed'),
		videoUrl: text('video_url').notNull(),
		sequence: integer('sequence').notNull().default(0),
		reminderSentAt: timestamp('reminder_sent_at', { withTimezone: true }),
		cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
		/** When the personal data was erased, once the retention period ended. */
		anonymisedAt: timestamp('anonymised_at', { withTimezone: true }),
		createdAt: recordedAt('created_at'),
		updatedAt: recordedAt('updated_at')
	},
	(t) => [
		index('appointments_document_idx').on(t.documentType, t.documentNumber, t.start),
		index('appointments_start_idx').on(t.start, t.status),
		index('appointments_holds_idx')
			.on(t.holdExpiresAt)
			.where(sql`${t.status} = 'held'`)
	]
);
