import { z } from 'zod';

// Touch point for the lead: the call room's settings, read from the environment with zod. They
// belong in the app's config module once it is one (see .env.example).

const urls = z
	.string()
	.optional()
	.transform((value) => (value ?? '').split(/[\s,]+/).filter(Boolean))
	.pipe(
		z.array(
			z
				.string()
				.regex(
					/^(stun|stuns|turn|turns):[^\s]+$/,
					'ICE_SERVERS: each entry is a stun:, turn: or turns: URL'
				)
		)
	);

const schema = z
	.object({
		VIDEO_PROVIDER: z.enum(['builtin', 'external']).default('builtin'),
		ICE_SERVERS: urls,
		TURN_SECRET: z.string().optional(),
		TURN_CREDENTIAL_TTL: z.coerce
			.number()
			.int()
			.min(600)
			.max(86_400)
			.default(4 * 3600),
		ICE_TRANSPORT_POLICY: z.enum(['all', 'relay']).default('all')
	})
	.refine((env) => !env.ICE_SERVERS.some((url) => url.startsWith('turn')) || !!env.TURN_SECRET, {
		message: 'ICE_SERVERS names a TURN server: set TURN_SECRET (its static-auth-secret)'
	});

export interface CallConfig {
	/** `builtin`: the app's own call room; `external`: the entity's video platform (entity.ts). */
	provider: 'builtin' | 'external';
	/** STUN and TURN servers the browsers use to find a path to each other. */
	iceServers: string[];
	/** coturn's static-auth-secret: TURN credentials are made from it (its REST API scheme). */
	turnSecret: string | undefined;
	/** How long a TURN credential stays valid, in seconds. */
	turnCredentialTtl: number;
	/** `relay` sends all media through TURN, so neither side learns the other's address. */
	iceTransportPolicy: 'all' | 'relay';
}

export function readCallConfig(env: NodeJS.ProcessEnv): CallConfig {
	const parsed = schema.safeParse({
		...env,
		VIDEO_PROVIDER: env.VIDEO_PROVIDER || undefined,
		TURN_SECRET: env.TURN_SECRET || undefined,
		TURN_CREDENTIAL_TTL: env.TURN_CREDENTIAL_TTL || undefined,
		ICE_TRANSPORT_POLICY: env.ICE_TRANSPORT_POLICY || undefined
	});
	if (!parsed.success) {
		throw new Error(`Call settings: ${parsed.error.issues.map((i) => i.message).join('; ')}`);
	}
	const settings = parsed.data;
	return {
		provider: settings.VIDEO_PROVIDER,
		iceServers: settings.ICE_SERVERS,
		turnSecret: settings.TURN_SECRET,
		turnCredentialTtl: settings.TURN_CREDENTIAL_TTL,
		iceTransportPolicy: settings.ICE_TRANSPORT_POLICY
	};
}

export const callConfig: CallConfig = readCallConfig(process.env);
