import { recordedAt } from './columns';
import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const STAFF_ROLES = ['agent', 'admin'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

/** Officials who use the staff console; accounts are created with `npm run staff:add`. */
export const staffUsers = pgTable('staff_users', {
	id: uuid('id').primaryKey().defaultRandom(),
	email: text('email').notNull().unique(),
	/** scrypt$N$r$p$salt$hash (memory-hard; parameters kept so they can grow). */
	passwordHash: text('password_hash').notNull(),
	role: text('role', { enum: STAFF_ROLES }).notNull(),
	createdAt: recordedAt('created_at'),
	disabledAt: timestamp('disabled_at', { withTimezone: true })
});

/** One row per signed-in browser; only the SHA-256 of the cookie's token is stored. */
export const staffSessions = pgTable(
	'staff_sessions',
	{
		tokenHash: text('token_hash').primaryKey(),
		userId: uuid('user_id')
			.notNull()
			.references(() => staffUsers.id, { onDelete: 'cascade' }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
		expiresAt: timestamp('expires_at', { withTimezone: true }).notNull()
	},
	(t) => [index('staff_sessions_user_idx').on(t.userId)]
);
