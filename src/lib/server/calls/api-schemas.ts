import { z } from 'zod';

/** The call room as the API answers it (CallState in $lib/domain/calls). */
const roleSchema = z.enum(['citizen', 'official', 'interpreter']);

const participantSchema = z.object({
	id: z.string(),
	role: roleSchema,
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
	audioOnlyBy: roleSchema.nullable(),
	participants: z.array(participantSchema),
	citizenJoined: z.boolean(),
	citizenWaiting: z.boolean(),
	waitOver: z.boolean(),
	noShowAvailable: z.boolean()
});

export const watchedSchema = z.object({ state: stateSchema, version: z.string() });

export const joinedSchema = z.object({
	participant: z.object({ id: z.string(), token: z.string() }),
	iceServers: z.array(
		z.object({
			urls: z.array(z.string()),
			username: z.string().optional(),
			credential: z.string().optional()
		})
	),
	iceTransportPolicy: z.enum(['all', 'relay']),
	state: stateSchema,
	version: z.string()
});

export const inboxSchema = z.object({
	signals: z.array(z.object({ id: z.number().int(), from: z.string(), payload: z.unknown() })),
	state: stateSchema,
	version: z.string()
});

/** Only what WebRTC needs to set up a connection: the app relays no other message. */
export const signalSchema = z.object({
	to: z.uuid(),
	payload: z.object({
		type: z.enum(['offer', 'answer', 'candidate', 'restart']),
		/** Which attempt of the connection this belongs to; a new one replaces the old. */
		connection: z.string().regex(/^[\w-]{1,40}$/),
		sdp: z.string().max(20_000).optional(),
		candidate: z
			.object({
				candidate: z.string().max(1000),
				sdpMid: z.string().max(64).nullable().optional(),
				sdpMLineIndex: z.number().int().min(0).max(64).nullable().optional(),
				usernameFragment: z.string().max(256).nullable().optional()
			})
			.nullable()
			.optional()
	})
});

/** A browser's report: a working connection with another participant, or that it left. */
export const reportSchema = z
	.object({ connectedWith: z.uuid().optional(), left: z.literal(true).optional() })
	.refine((b) => !!b.connectedWith !== !!b.left, { message: 'connectedWith or left' });
