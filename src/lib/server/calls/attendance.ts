import { eq } from 'drizzle-orm';
import { appointments } from '../appointments';
import type { Database } from '../db';
import { staffUsers } from '../db/schema';
import { isDomainError } from '../errors';

/** The official whose connection made the call count as attended, as the audit row names them. */
async function officialOf(db: Database, staffUserId: string | null): Promise<{ email: string }> {
	const [row] = staffUserId
		? await db
				.select({ email: staffUsers.email })
				.from(staffUsers)
				.where(eq(staffUsers.id, staffUserId))
		: [];
	return row ?? { email: 'sala' };
}

/**
 * Records `attended` once the citizen and an official were connected, through the one owner of
 * outcomes (appointments' attendance), with the join log in the audit row. A second browser
 * reporting the same call finds it recorded and leaves it.
 */
export async function recordAttended(
	db: Database,
	reference: string,
	staffUserId: string | null,
	evidence: unknown
): Promise<void> {
	try {
		await appointments.recordOutcome(db, reference, 'attended', await officialOf(db, staffUserId), {
			automatic: true,
			joinLog: evidence
		});
	} catch (error) {
		if (!isDomainError(error, 'OUTCOME_ALREADY_RECORDED')) throw error;
	}
}
