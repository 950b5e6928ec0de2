import { eq } from 'drizzle-orm';
import type { Database } from '../db';
import { staffUsers } from '../db/schema';
import { Problem } from '../http/problem';
import type { StaffUser } from '../staff';
import { agenda } from '../staff/agenda';

// Touch point for the lead: outcomes have one owner (staff/agenda.ts today, the "attendance" use
// case of appointments/ after the reshaping). The call room records through it and nowhere else.

/** The official whose connection made the call count as attended, as the audit row names them. */
async function officialOf(db: Database, staffUserId: string | null): Promise<StaffUser> {
	const [row] = staffUserId
		? await db.select().from(staffUsers).where(eq(staffUsers.id, staffUserId))
		: [];
	return row
		? { id: row.id, email: row.email, role: row.role }
		: { id: '', email: 'sala', role: 'agent' };
}

/**
 * Records `attended` once the citizen and an official were connected, with the join log in the
 * audit row. A second browser reporting the same call finds it recorded and leaves it.
 */
export async function recordAttended(
	db: Database,
	reference: string,
	staffUserId: string | null,
	evidence: unknown
): Promise<void> {
	try {
		await agenda.record(db, reference, 'attended', await officialOf(db, staffUserId), {
			automatic: true,
			joinLog: evidence
		});
	} catch (error) {
		if (error instanceof Problem && error.code === 'OUTCOME_ALREADY_RECORDED') return;
		throw error;
	}
}
