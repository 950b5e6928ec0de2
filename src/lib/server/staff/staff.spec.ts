import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { clock } from '../clock';
import { auditLog, staffSessions, staffUsers } from '../db/schema';
import { useTestDatabase } from '../testing/database';
import { refusalCode } from '../testing/refusals';
import { allows, requireRole, SIGN_IN_LIMITS, staff } from '.';
import { hashPassword, verifyPassword } from './passwords';

const db = useTestDatabase();
const PASSWORD = 'una frase larga de prueba';

afterEach(() => clock.set(undefined));

function agent(email = 'agente@example.org') {
	return staff.add(db(), { email, role: 'agent', password: PASSWORD });
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
		expect(await staff.session(db(), signedIn.token)).toMatchObject({ role: 'agent' });
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

	it('is limited per email after repeated failures, even with the right password', async () => {
		await agent();
		for (let i = 0; i < SIGN_IN_LIMITS.email.max; i++) {
			await refusalCode(
				staff.signIn(db(), { email: 'agente@example.org', password: 'no' }, `ip${i}`)
			);
		}
		expect(
			await refusalCode(
				staff.signIn(db(), { email: 'agente@example.org', password: PASSWORD }, 'other')
			)
		).toBe('SIGN_IN_LIMITED');
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
		const admin = { ...one, role: 'admin' as const };
		expect(await refusalCode(staff.signOutEverywhere(db(), two.id, admin))).toBe('ok');
	});
});

describe('roles', () => {
	it('give administrators everything agents have, and not the reverse', () => {
		expect(allows('admin', 'agent')).toBe(true);
		expect(allows('agent', 'admin')).toBe(false);
	});

	it('answer 401 without a session and 403 for a role that is not enough', () => {
		expect(() => requireRole(undefined)).toThrow(
			expect.objectContaining({ code: 'UNAUTHENTICATED' })
		);
		const user = { id: '1', email: 'a@example.org', role: 'agent' as const };
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
			role: 'admin',
			password: 'otra frase larga'
		});
		expect(await staff.session(db(), token)).toBeUndefined();
		const [row] = await db()
			.select()
			.from(staffUsers)
			.where(eq(staffUsers.email, 'agente@example.org'));
		expect(row!.role).toBe('admin');
	});
});
