import { and, asc, eq, gt, isNull, lt } from 'drizzle-orm';
import { clock } from '../clock';
import { hash, randomToken } from '../crypto';
import type { Database } from '../db';
import { audit } from '../audit';
import { allows, rolesOf, type StaffRole } from '$lib/domain/staff-roles';
import { staffSessions, staffUsers } from '../db/schema';
import { DomainError } from '../errors';
import { entity } from '$lib/config/entity';
import { clientOf, guess } from '../rate-limit';
import { decoyHash, hashPassword, verifyPassword } from './passwords';

export { allows, rolesOf, STAFF_ROLES, type StaffRole } from '$lib/domain/staff-roles';

/** A working day and a bit; after that the official signs in again. */
export const SESSION_HOURS = 12;

export interface StaffUser {
	id: string;
	email: string;
	roles: StaffRole[];
}

export interface SignedIn {
	user: StaffUser;
	token: string;
	expiresAt: Date;
}

/** Only the SHA-256 of a session token is stored: a stolen table opens no session. */
const tokenHash = (token: string) => hash(token);

export function normaliseEmail(email: string): string {
	return email.trim().toLowerCase();
}

function userOf(row: typeof staffUsers.$inferSelect): StaffUser {
	return { id: row.id, email: row.email, roles: rolesOf(row.roles) };
}

export const staff = {
	/** Creates an account, or gives an existing one a new password and roles. */
	async add(
		db: Database,
		input: { email: string; roles: readonly StaffRole[]; password: string },
		actor = 'cli'
	): Promise<{ user: StaffUser; created: boolean }> {
		const email = normaliseEmail(input.email);
		const roles = rolesOf(input.roles);
		if (roles.length === 0) throw new DomainError('VALIDATION_FAILED');
		const passwordHash = await hashPassword(input.password);
		return db.transaction(async (tx) => {
			const [existing] = await tx.select().from(staffUsers).where(eq(staffUsers.email, email));
			const [row] = existing
				? await tx
						.update(staffUsers)
						.set({ passwordHash, roles, disabledAt: null })
						.where(eq(staffUsers.id, existing.id))
						.returning()
				: await tx.insert(staffUsers).values({ email, passwordHash, roles }).returning();
			if (existing) await tx.delete(staffSessions).where(eq(staffSessions.userId, existing.id));
			await audit(tx, {
				actor,
				action: existing ? 'staff.password_reset' : 'staff.created',
				subject: email,
				data: { roles }
			});
			return { user: userOf(row!), created: !existing };
		});
	},

	/**
	 * Checks the password and opens a session. A wrong email and a wrong password answer the same
	 * and take the same time. Every try counts before the password is checked (limits of the entity
	 * profile, shared by all instances): a client over its limits is refused unchecked, but the
	 * right password from a client that is not itself limited always opens the account, however
	 * many wrong ones others sent. Each wrong password leaves an audit row. Signing in again from a
	 * browser ends the session that browser had (`replacing`, its cookie's token).
	 */
	async signIn(
		db: Database,
		input: { email: string; password: string },
		client: string,
		replacing?: string
	): Promise<SignedIn> {
		const email = normaliseEmail(input.email);
		const from = clientOf(client);
		const attempt = await guess(db, entity.limits.signIn, {
			client: `staff-sign-in:client:${from}`,
			target: `staff-sign-in:account:${email}`
		});
		const limited = (retryAfter: number) =>
			new DomainError('SIGN_IN_LIMITED', {
				values: { minutes: Math.ceil(retryAfter / 60) },
				retryAfter
			});
		if (attempt.limited) throw limited(attempt.retryAfter);
		const [row] = await db.select().from(staffUsers).where(eq(staffUsers.email, email));
		const matches = await verifyPassword(input.password, row?.passwordHash ?? (await decoyHash()));
		if (!row || !matches || row.disabledAt) {
			const { retryAfter } = attempt.failed();
			await audit(db, {
				actor: 'unknown',
				action: 'staff.sign_in_failed',
				// Only an account's own address: a typed one may be anything, even a password.
				subject: row?.email ?? 'unknown-account',
				data: {
					reason: !row ? 'unknown_account' : row.disabledAt ? 'disabled' : 'wrong_password',
					client: from,
					paused: retryAfter !== undefined
				}
			});
			if (retryAfter !== undefined) throw limited(retryAfter);
			throw new DomainError('INVALID_CREDENTIALS');
		}
		await attempt.succeeded();
		const token = randomToken(32);
		const now = clock.now();
		const expiresAt = new Date(now.getTime() + SESSION_HOURS * 3600_000);
		await db.transaction(async (tx) => {
			if (replacing && replacing.length <= 100) {
				await tx.delete(staffSessions).where(eq(staffSessions.tokenHash, tokenHash(replacing)));
			}
			await tx
				.insert(staffSessions)
				.values({ tokenHash: tokenHash(token), userId: row.id, createdAt: now, expiresAt });
			await audit(tx, { actor: email, action: 'staff.signed_in', subject: email });
		});
		return { user: userOf(row), token, expiresAt };
	},

	/** The official a session cookie belongs to, while the session is valid. */
	async session(db: Database, token: string | undefined): Promise<StaffUser | undefined> {
		if (!token || token.length > 100) return undefined;
		const [row] = await db
			.select({ user: staffUsers })
			.from(staffSessions)
			.innerJoin(staffUsers, eq(staffUsers.id, staffSessions.userId))
			.where(
				and(eq(staffSessions.tokenHash, tokenHash(token)), gt(staffSessions.expiresAt, clock.now()))
			);
		if (!row || row.user.disabledAt) return undefined;
		return userOf(row.user);
	},

	async signOut(db: Database, token: string): Promise<void> {
		await db.delete(staffSessions).where(eq(staffSessions.tokenHash, tokenHash(token)));
	},

	/** Ends every session of an account (a lost laptop, a shared computer); recorded in the audit log. */
	async signOutEverywhere(db: Database, userId: string, actor: StaffUser): Promise<number> {
		return db.transaction(async (tx) => {
			const [target] = await tx.select().from(staffUsers).where(eq(staffUsers.id, userId));
			if (!target) throw new DomainError('STAFF_NOT_FOUND');
			if (target.id !== actor.id && !allows(actor.roles, 'admin')) {
				throw new DomainError('FORBIDDEN');
			}
			const ended = await tx
				.delete(staffSessions)
				.where(eq(staffSessions.userId, userId))
				.returning({ tokenHash: staffSessions.tokenHash });
			await audit(tx, {
				actor: actor.email,
				action: 'staff.signed_out_everywhere',
				subject: target.email,
				data: { sessions: ended.length }
			});
			return ended.length;
		});
	},

	/** An administrator gives an account another set of roles; its sessions keep going. */
	async setRoles(
		db: Database,
		userId: string,
		wanted: readonly string[],
		actor: StaffUser
	): Promise<StaffUser> {
		requireRole(actor, 'admin');
		const roles = rolesOf(wanted);
		if (roles.length === 0) throw new DomainError('VALIDATION_FAILED');
		return db.transaction(async (tx) => {
			const [target] = await tx
				.update(staffUsers)
				.set({ roles })
				.where(eq(staffUsers.id, userId))
				.returning();
			if (!target) throw new DomainError('STAFF_NOT_FOUND');
			await audit(tx, {
				actor: actor.email,
				action: 'staff.roles_changed',
				subject: target.email,
				data: { roles }
			});
			return userOf(target);
		});
	},

	/** The accounts, for administrators. */
	async list(db: Database): Promise<(StaffUser & { sessions: number })[]> {
		const users = await db.select().from(staffUsers).orderBy(asc(staffUsers.email));
		const sessions = await db
			.select({ userId: staffSessions.userId })
			.from(staffSessions)
			.where(gt(staffSessions.expiresAt, clock.now()));
		return users.map((row) => ({
			...userOf(row),
			sessions: sessions.filter((s) => s.userId === row.id).length
		}));
	},

	/** The active accounts that work petitions (agents and admins), by email: who may be assigned one. */
	async officials(db: Database): Promise<string[]> {
		const users = await db
			.select({ email: staffUsers.email, roles: staffUsers.roles })
			.from(staffUsers)
			.where(isNull(staffUsers.disabledAt))
			.orderBy(asc(staffUsers.email));
		return users.filter((u) => allows(rolesOf(u.roles), 'agent')).map((u) => u.email);
	},

	/** Drops expired sessions; the worker calls it. */
	async prune(db: Database): Promise<void> {
		await db.delete(staffSessions).where(lt(staffSessions.expiresAt, clock.now()));
	}
};

/**
 * Refuses without a session (UNAUTHENTICATED) and when the role is not enough (FORBIDDEN); given
 * several roles, any one of them is enough.
 */
export function requireRole(
	user: StaffUser | undefined,
	needed: StaffRole | readonly StaffRole[] = 'agent'
): StaffUser {
	if (!user) throw new DomainError('UNAUTHENTICATED');
	const anyOf = typeof needed === 'string' ? [needed] : needed;
	if (!anyOf.some((role) => allows(user.roles, role))) throw new DomainError('FORBIDDEN');
	return user;
}
