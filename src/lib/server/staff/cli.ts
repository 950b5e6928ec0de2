import { config } from '../config';
import { connect, migrate } from '../db';
import { seed } from '../db/seed';
import { staff, STAFF_ROLES, type StaffRole } from '.';

/** What `npm run staff:add` does once the arguments are read: migrate if needed, then add. */
export async function addFromCommandLine(input: {
	email: string;
	role: string;
	password: string;
}): Promise<{ created: boolean; email: string; role: StaffRole }> {
	if (!(STAFF_ROLES as readonly string[]).includes(input.role)) {
		throw new Error(`--role must be one of: ${STAFF_ROLES.join(', ')}`);
	}
	if (!/^[^\s@]+@[^\s@]+$/.test(input.email)) throw new Error('--email must be an email address');
	if (input.password.length < 12) throw new Error('The password must have at least 12 characters');
	const handle = await connect();
	try {
		await migrate(handle, config.databaseUrl);
		await seed(handle.db);
		const { user, created } = await staff.add(handle.db, {
			email: input.email,
			role: input.role as StaffRole,
			password: input.password
		});
		return { created, email: user.email, role: user.role };
	} finally {
		await handle.close();
	}
}
