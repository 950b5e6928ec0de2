import { config } from '../config';
import { connect, migrate } from '../db';
import { seed } from '../db/seed';
import { staff, STAFF_ROLES, type StaffRole } from '.';

/** What `npm run staff:add` does once the arguments are read: migrate if needed, then add. */
export async function addFromCommandLine(input: {
	email: string;
	/** One or more roles, repeated or separated by commas: `agent`, `agent,translator`. */
	roles: string[];
	password: string;
}): Promise<{ created: boolean; email: string; roles: StaffRole[] }> {
	const asked = input.roles.flatMap((role) => role.split(',')).map((role) => role.trim());
	const unknown = asked.filter((role) => !(STAFF_ROLES as readonly string[]).includes(role));
	if (asked.length === 0 || unknown.length > 0) {
		throw new Error(`--role must be one or more of: ${STAFF_ROLES.join(', ')}`);
	}
	if (!/^[^\s@]+@[^\s@]+$/.test(input.email)) throw new Error('--email must be an email address');
	if (input.password.length < 12) throw new Error('The password must have at least 12 characters');
	const handle = await connect();
	try {
		await migrate(handle, config.databaseUrl);
		await seed(handle.db);
		const { user, created } = await staff.add(handle.db, {
			email: input.email,
			roles: asked as StaffRole[],
			password: input.password
		});
		return { created, email: user.email, roles: user.roles };
	} finally {
		await handle.close();
	}
}
