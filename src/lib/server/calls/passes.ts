import { createHmac, timingSafeEqual } from 'node:crypto';
import { appSecret } from '../config';
import type { CallRole } from '../db/schema';

/** What a room page hands its script: who may join which call, until when (app clock, ms). */
export interface RoomPass {
	appointmentId: string;
	role: CallRole;
	staffUserId?: string;
	until: number;
}

/** What a joined browser presents with every signalling request. */
export interface ParticipantPass {
	participantId: string;
	appointmentId: string;
	role: CallRole;
}

// Signed, not stored: any instance can check a pass with the shared APP_SECRET. The purpose is
// part of the MAC, so a room pass can never stand in for a participant pass or a cookie.
function sign(purpose: string, value: unknown): string {
	const body = Buffer.from(JSON.stringify(value)).toString('base64url');
	const mac = createHmac('sha256', appSecret()).update(`${purpose}:${body}`).digest('base64url');
	return `${body}.${mac}`;
}

function verify<T>(purpose: string, token: string | null | undefined): T | undefined {
	if (!token || token.length > 1000) return undefined;
	const [body = '', mac = ''] = token.split('.');
	const expected = createHmac('sha256', appSecret()).update(`${purpose}:${body}`).digest();
	const given = Buffer.from(mac, 'base64url');
	if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
	try {
		return JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as T;
	} catch {
		return undefined;
	}
}

export const passes = {
	room: {
		issue: (pass: RoomPass): string => sign('call-room-pass', pass),
		read: (token: string | null | undefined, now: Date): RoomPass | undefined => {
			const pass = verify<RoomPass>('call-room-pass', token);
			return pass && pass.until > now.getTime() ? pass : undefined;
		}
	},
	participant: {
		issue: (pass: ParticipantPass): string => sign('call-participant', pass),
		read: (token: string | null | undefined): ParticipantPass | undefined =>
			verify<ParticipantPass>('call-participant', token)
	}
};
