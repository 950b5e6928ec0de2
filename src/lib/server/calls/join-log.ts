import { asc, eq } from 'drizzle-orm';
import { formatInstant } from '$lib/domain/calendar';
import type { Database } from '../db';
import { callParticipants, type CallRole } from '../db/schema';
import type { Transaction } from '../idempotency';

/** A browser counts as in the room while it asks for news at least this often. */
export const PRESENT_SECONDS = 25;

export interface JoinLogEntry {
	id: string;
	role: CallRole;
	staffUserId: string | null;
	joinedAt: Date;
	lastSeenAt: Date;
	connectedAt: Date | null;
	leftAt: Date | null;
}

/** Who entered an appointment's room and when, in order of arrival. */
export async function joinLog(
	db: Database | Transaction,
	appointmentId: string
): Promise<JoinLogEntry[]> {
	return db
		.select({
			id: callParticipants.id,
			role: callParticipants.role,
			staffUserId: callParticipants.staffUserId,
			joinedAt: callParticipants.joinedAt,
			lastSeenAt: callParticipants.lastSeenAt,
			connectedAt: callParticipants.connectedAt,
			leftAt: callParticipants.leftAt
		})
		.from(callParticipants)
		.where(eq(callParticipants.appointmentId, appointmentId))
		.orderBy(asc(callParticipants.joinedAt), asc(callParticipants.id));
}

export function present(entry: JoinLogEntry, now: Date): boolean {
	return !entry.leftAt && now.getTime() - entry.lastSeenAt.getTime() <= PRESENT_SECONDS * 1000;
}

/** When a browser left: when it said so, or when it was last seen if it stopped asking. */
export function leftAt(entry: JoinLogEntry, now: Date): Date | null {
	return entry.leftAt ?? (present(entry, now) ? null : entry.lastSeenAt);
}

export function citizenJoined(log: JoinLogEntry[]): boolean {
	return log.some((entry) => entry.role === 'citizen');
}

/** Both the citizen and an official had a working connection with each other. */
export function bothConnected(log: JoinLogEntry[]): boolean {
	const connected = (role: CallRole) => log.some((e) => e.role === role && e.connectedAt);
	return connected('citizen') && connected('official');
}

/** The join log as the audit row keeps it: roles and times only. */
export function evidence(log: JoinLogEntry[], now: Date) {
	return log.map((entry) => ({
		role: entry.role,
		joinedAt: formatInstant(entry.joinedAt),
		connectedAt: entry.connectedAt ? formatInstant(entry.connectedAt) : null,
		leftAt: leftAt(entry, now) ? formatInstant(leftAt(entry, now)!) : null
	}));
}
