import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { clock } from '../clock';
import { auditLog, staffSessions, staffUsers } from '../db/schema';
import { useTestDatabase } from '../testing/database';
import { refusalCode } from '../testing/refusals';
import { entity } from '$lib/config/entity';
import { allows, requireRole, staff } from '.';
import { hashPassword, verifyPassword } from './passwords';

const db = useTestDatabase();
const PASSWORD = 'una frase larga de prueba';

afterEach(() => clock.set(undefined));

function agent(email = 'agente@example.org') {
	return staff.add(db(), { email, roles: ['agent'], password: PASSWORD });
}

describe('passwords', () => {
	it('are stored as salted scrypt hashes that verify only the same password', async () => {
		const hash = await hashPassword(PASSWORD);
		expect(hash).toMatch(/^scrypt\$32768\$8\$1\$/);
		expect(hash).not.toContain(PASSWORD);
		expect(await verifyPassword(PASSWORD, hash)).toBe(true);
		expect(await verifyPassword('otra', hash)).toBe(false);
		expect(await hashPassword(PASSWORD)).not.toBe(hash);
	});
});

describe('signing in', () => {
	it('opens a session whose token the database does not hold', async () => {
		await agent();
		const signedIn = await staff.signIn(
			db(),
			{ email: 'AGENTE@example.org ', password: PASSWORD },
			'ip'
		);
		expect(signedIn.token).toHaveLength(43);
		const rows = await db().select().from(staffSessions);
		expect(rows).toHaveLength(1);
		expect(rows[0]!.tokenHash).not.toContain(signedIn.token);
		expect(await staff.session(db(), signedIn.token)).toMatchObject({ roles: ['agent'] });
	});

	it('answers the same for an unknown email and a wrong password', async () => {
		await agent();
		expect(
			await refusalCode(staff.signIn(db(), { email: 'x@example.org', password: PASSWORD }, 'ip'))
		).toBe('INVALID_CREDENTIALS');
		expect(
			await refusalCode(staff.signIn(db(), { email: 'agente@example.org', password: 'no' }, 'ip'))
		).toBe('INVALID_CREDENTIALS');
	});

	it('refuses a client after five wrong passwords for an account, even the right one', async () => {
		await agent();
		const wrong = { email: 'agente@example.org', password: 'no' };
		for (let i = 0; i < entity.limits.signIn.perTargetFromClient.max; i++) {
			expect(await refusalCode(staff.signIn(db(), wrong, '198.51.100.1'))).toBe(
				'INVALID_CREDENTIALS'
			);
		}
		const right = { email: 'agente@example.org', password: PASSWORD };
		expect(await refusalCode(staff.signIn(db(), right, '198.51.100.1'))).toBe('SIGN_IN_LIMITED');
	});

	it('lets the official in from another address while the account is under attack', async () => {
		await agent();
		const wrong = { email: 'agente@example.org', password: 'no' };
		for (let i = 0; i < 12; i++) await refusalCode(staff.signIn(db(), wrong, `198.51.100.${i}`));
		const right = { email: 'agente@example.org', password: PASSWORD };
		const signedIn = await staff.signIn(db(), right, '203.0.113.50');
		expect(signedIn.user.email).toBe('agente@example.org');
	});

	it('counts twenty wrong passwords sent at once before checking any: at most five are checked', async () => {
		await agent();
		const wrong = { email: 'agente@example.org', password: 'no' };
		const codes = await Promise.all(
			Array.from({ length: 20 }, () => refusalCode(staff.signIn(db(), wrong, '198.51.100.9')))
		);
		// On PostgreSQL, tries racing for the last place may each see it taken: never more than 5.
		const checked = codes.filter((code) => code === 'INVALID_CREDENTIALS').length;
		expect(checked).toBeGreaterThanOrEqual(1);
		expect(checked).toBeLessThanOrEqual(5);
		expect(codes.filter((code) => code === 'SIGN_IN_LIMITED')).toHaveLength(20 - checked);
	});

	it('answers wrong passwords from many addresses at once with at most five 401s', async () => {
		await agent();
		const wrong = { email: 'agente@example.org', password: 'no' };
		const codes = await Promise.all(
			Array.from({ length: 20 }, (_, i) => refusalCode(staff.signIn(db(), wrong, `10.1.1.${i}`)))
		);
		expect(codes.filter((code) => code === 'INVALID_CREDENTIALS').length).toBeLessThanOrEqual(5);
		expect(codes.every((c) => c === 'INVALID_CREDENTIALS' || c === 'SIGN_IN_LIMITED')).toBe(true);
	});

	it('audits every wrong password, without keeping an address no account has', async () => {
		await agent();
		await refusalCode(staff.signIn(db(), { email: 'agente@example.org', password: 'no' }, 'a'));
		await refusalCode(staff.signIn(db(), { email: 'mi clave 123', password: 'no' }, 'a'));
		const rows = await db()
			.select()
			.from(auditLog)
			.where(eq(auditLog.action, 'staff.sign_in_failed'));
		expect(rows.map((r) => [r.subject, (r.data as { reason: string }).reason])).toEqual([
			['agente@example.org', 'wrong_password'],
			['unknown-account', 'unknown_account']
		]);
	});

	it('ends the session the browser had when it signs in again', async () => {
		await agent();
		const right = { email: 'agente@example.org', password: PASSWORD };
		const first = await staff.signIn(db(), right, 'ip');
		const second = await staff.signIn(db(), right, 'ip', first.token);
		expect(await staff.session(db(), first.token)).toBeUndefined();
		expect(await staff.session(db(), second.token)).toBeDefined();
	});

	it('ends sessions after 12 hours', async () => {
		await agent();
		clock.set(new Date('2030-02-05T08:00:00-05:00'));
		const { token } = await staff.signIn(
			db(),
			{ email: 'agente@example.org', password: PASSWORD },
			'ip'
		);
		clock.set(new Date('2030-02-05T20:00:01-05:00'));
		expect(await staff.session(db(), token)).toBeUndefined();
	});
});

describe('signing out everywhere', () => {
	it('ends every session of the account and records it', async () => {
		const { user } = await agent();
		const input = { email: 'agente@example.org', password: PASSWORD };
		const first = await staff.signIn(db(), input, 'ip');
		const second = await staff.signIn(db(), input, 'ip');
		expect(await staff.signOutEverywhere(db(), user.id, user)).toBe(2);
		expect(await staff.session(db(), first.token)).toBeUndefined();
		expect(await staff.session(db(), second.token)).toBeUndefined();
		const actions = (await db().select().from(auditLog)).map((row) => row.action);
		expect(actions).toContain('staff.signed_out_everywhere');
	});

	it("lets only an administrator end another official's sessions", async () => {
		const { user: one } = await agent('uno@example.org');
		const { user: two } = await agent('dos@example.org');
		expect(await refusalCode(staff.signOutEverywhere(db(), two.id, one))).toBe('FORBIDDEN');
		const admin = { ...one, roles: ['admin' as const] };
		expect(await refusalCode(staff.signOutEverywhere(db(), two.id, admin))).toBe('ok');
	});
});

describe('roles', () => {
	it('give administrators everything agents have, and not the reverse', () => {
		expect(allows(['admin'], 'agent')).toBe(true);
		expect(allows(['agent'], 'admin')).toBe(false);
	});

	it('let an account hold several roles, and keep reserved identities from administrators', () => {
		expect(allows(['agent', 'translator'], 'translator')).toBe(true);
		expect(allows(['agent', 'translator'], 'reviewer')).toBe(false);
		expect(allows(['admin'], 'reviewer')).toBe(true);
		expect(allows(['admin'], 'reserved')).toBe(false);
		expect(allows(['agent', 'reserved'], 'reserved')).toBe(true);
	});

	it('are changed by an administrator only, with an audit row', async () => {
		const { user: one } = await agent('uno@example.org');
		const { user: two } = await agent('dos@example.org');
		expect(await refusalCode(staff.setRoles(db(), two.id, ['admin'], one))).toBe('FORBIDDEN');
		const admin = { ...one, roles: ['admin' as const] };
		const changed = await staff.setRoles(db(), two.id, ['reviewer', 'agent', 'nobody'], admin);
		expect(changed.roles).toEqual(['agent', 'reviewer']);
		const rows = await db()
			.select()
			.from(auditLog)
			.where(eq(auditLog.action, 'staff.roles_changed'));
		expect(rows).toHaveLength(1);
		expect(rows[0]).toMatchObject({ actor: 'uno@example.org', subject: 'dos@example.org' });
	});

	it('answer 401 without a session and 403 for a role that is not enough', () => {
		expect(() => requireRole(undefined)).toThrow(
			expect.objectContaining({ code: 'UNAUTHENTICATED' })
		);
		const user = { id: '1', email: 'a@example.org', roles: ['agent' as const] };
		expect(() => requireRole(user, 'admin')).toThrow(
			expect.objectContaining({ code: 'FORBIDDEN' })
		);
	});

	it('a new password for an existing account ends its sessions', async () => {
		await agent();
		const { token } = await staff.signIn(
			db(),
			{ email: 'agente@example.org', password: PASSWORD },
			'ip'
		);
		await staff.add(db(), {
			email: 'agente@example.org',
			roles: ['admin'],
			password: 'otra frase larga'
		});
		expect(await staff.session(db(), token)).toBeUndefined();
		const [row] = await db()
			.select()
			.from(staffUsers)
			.where(eq(staffUsers.email, 'agente@example.org'));
		expect(row!.roles).toEqual(['admin']);
	});
});
