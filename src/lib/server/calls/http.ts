import type { RequestEvent } from '@sveltejs/kit';
import { z } from 'zod';
import { isReference, normaliseReference } from '$lib/domain/slots';
import { appointments as table } from '../db/schema';
import type { Database } from '../db';
import { eq } from 'drizzle-orm';
import { Problem } from '../http/problem';
import { calls } from '.';

/** The call of the address's reference; 404 when there is none or the built-in room is off. */
export async function callOf(db: Database, event: RequestEvent) {
	const reference = normaliseReference(event.params.reference ?? '');
	if (!calls.enabled() || !isReference(reference)) {
		throw new Problem(404, 'CALL_NOT_FOUND', { ns: 'calls' });
	}
	const [found] = await db.select().from(table).where(eq(table.reference, reference));
	if (!found) throw new Problem(404, 'CALL_NOT_FOUND', { ns: 'calls' });
	return found;
}

export function bearer(event: RequestEvent): string | null {
	const header = event.request.headers.get('authorization') ?? '';
	return /^Bearer\s+(\S+)$/i.exec(header)?.[1] ?? null;
}

/** The joined browser of the address: its pass must be for the participant named in the path. */
export function participantOf(
	event: RequestEvent,
	appointment: Parameters<typeof calls.readParticipant>[1]
) {
	const pass = calls.readParticipant(bearer(event), appointment);
	if (pass.participantId !== event.params.id) {
		throw new Problem(401, 'CALL_PASS_INVALID', { ns: 'calls' });
	}
	return pass;
}

export const auth = {
	room: {
		Authorization: {
			required: true,
			description: 'Bearer {pass}: the room pass the call page gives its script.'
		}
	},
	participant: {
		Authorization: {
			required: true,
			description: 'Bearer {token}: the participant token the join answered.'
		}
	}
};

const participantSchema = z.object({
	id: z.string(),
	role: z.enum(['citizen', 'official', 'interpreter']),
	joinedAt: z.string(),
	leftAt: z.string().nullable(),
	present: z.boolean(),
	connected: z.boolean()
});

export const stateSchema = z.object({
	phase: z.enum(['before', 'open', 'closing', 'ended']),
	reason: z.enum(['time', 'hangup', 'rescheduled', 'closed']).nullable(),
	status: z.string(),
	times: z.object({
		opensAt: z.string(),
		startsAt: z.string(),
		waitUntil: z.string(),
		warnAt: z.string(),
		endsAt: z.string()
	}),
	audioOnly: z.boolean(),
	audioOnlyBy: z.enum(['citizen', 'official', 'interpreter']).nullable(),
	participants: z.array(participantSchema),
	citizenJoined: z.boolean(),
	citizenWaiting: z.boolean(),
	waitOver: z.boolean(),
	noShowAvailable: z.boolean()
});

export const watchedSchema = z.object({ state: stateSchema, version: z.string() });

export const NO_STORE = { 'cache-control': 'no-store' };

/** What every call endpoint may answer, and every one that reads a JSON body. */
export const answers = {
	any: {
		401: { description: 'No valid pass (room pass or participant token) for this call.' },
		404: { description: 'No call with that reference.' }
	},
	json: {
		400: { description: 'Malformed JSON.' },
		413: { description: 'Body too large.' },
		415: { description: 'Not JSON.' },
		422: { description: 'The body is not valid.' }
	}
};
