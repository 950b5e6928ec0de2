import { recordedAt } from './columns';
import { sql } from 'drizzle-orm';
import { STAFF_ROLES, type StaffRole } from '../../../domain/staff-roles';
import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export { STAFF_ROLES, type StaffRole };

/** Officials who use the staff console; accounts are created with `npm run staff:add`. */
export const staffUsers = pgTable('staff_users', {
	id: uuid('id').primaryKey().defaultRandom(),
	email: text('email').notNull().unique(),
	/** scrypt$N$r$p$salt$hash (memory-hard; parameters kept so they can grow). */
	passwordHash: text('password_hash').notNull(),
	/** The one role of accounts made before roles became a set; read only by the migration. */
	role: text('role'),
	roles: text('roles', { enum: STAFF_ROLES })
		.array()
		.notNull()
		.default(sql`'{}'::text[]`),
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
