import { sign, verify } from '../crypto';
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
function read<T>(purpose: string, token: string | null | undefined): T | undefined {
	return token && token.length <= 1000 ? verify<T>(token, purpose) : undefined;
}

export const passes = {
	room: {
		issue: (pass: RoomPass): string => sign(pass, 'call-room-pass'),
		read: (token: string | null | undefined, now: Date): RoomPass | undefined => {
			const pass = read<RoomPass>('call-room-pass', token);
			return pass && pass.until > now.getTime() ? pass : undefined;
		}
	},
	participant: {
		issue: (pass: ParticipantPass): string => sign(pass, 'call-participant'),
		read: (token: string | null | undefined): ParticipantPass | undefined =>
			read<ParticipantPass>('call-participant', token)
	}
};
