import { recordedAt } from './columns';
import {
	bigserial,
	boolean,
	index,
	jsonb,
	pgTable,
	text,
	timestamp,
	uuid
} from 'drizzle-orm/pg-core';
import { appointments } from './appointments';
import { staffUsers } from './staff';

export const CALL_ROLES = ['citizen', 'official', 'interpreter'] as const;
export type CallRole = (typeof CALL_ROLES)[number];

/**
 * The join log of the call room: one row per browser that entered it, with when it joined, was
 * last seen, first had sound and image with the other side, and left. Nothing of the call itself
 * is kept; these rows are the evidence for the 5-minute rule and for `attended`.
 */
export const callParticipants = pgTable(
	'call_participants',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		appointmentId: uuid('appointment_id')
			.notNull()
			.references(() => appointments.id, { onDelete: 'cascade' }),
		role: text('role', { enum: CALL_ROLES }).notNull(),
		/** The official's account; empty for the citizen and the interpreter. */
		staffUserId: uuid('staff_user_id').references(() => staffUsers.id, { onDelete: 'set null' }),
		joinedAt: recordedAt('joined_at'),
		lastSeenAt: recordedAt('last_seen_at'),
		/** When this browser first had a working connection with the other side of the call. */
		connectedAt: timestamp('connected_at', { withTimezone: true }),
		leftAt: timestamp('left_at', { withTimezone: true })
	},
	(t) => [index('call_participants_appointment_idx').on(t.appointmentId, t.joinedAt)]
);

/**
 * Messages between two browsers that set up their connection (WebRTC offers, answers and network
 * candidates). Deleted once read, and all of a call's once it ends: the app never carries media.
 */
export const callSignals = pgTable(
	'call_signals',
	{
		id: bigserial('id', { mode: 'number' }).primaryKey(),
		appointmentId: uuid('appointment_id')
			.notNull()
			.references(() => appointments.id, { onDelete: 'cascade' }),
		sender: uuid('sender')
			.notNull()
			.references(() => callParticipants.id, { onDelete: 'cascade' }),
		recipient: uuid('recipient')
			.notNull()
			.references(() => callParticipants.id, { onDelete: 'cascade' }),
		payload: jsonb('payload').notNull(),
		createdAt: recordedAt('created_at')
	},
	(t) => [index('call_signals_recipient_idx').on(t.recipient, t.id)]
);

/** What both sides of a call share: audio only, the interpreter's link, an early end. */
export const callRooms = pgTable('call_rooms', {
	appointmentId: uuid('appointment_id')
		.primaryKey()
		.references(() => appointments.id, { onDelete: 'cascade' }),
	audioOnly: boolean('audio_only').notNull().default(false),
	/** Who last switched audio only on or off. */
	audioOnlyBy: text('audio_only_by', { enum: CALL_ROLES }),
	/** Keyed hash of the interpreter's link; the link itself is only in the email and the page. */
	interpreterKeyHash: text('interpreter_key_hash').unique(),
	/** The official ended the call for everyone before its time. */
	endedAt: timestamp('ended_at', { withTimezone: true }),
	updatedAt: recordedAt('updated_at')
});
