import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';

/** Runtime settings, read only from the environment (see .env.example) and checked at start-up. */
export interface ServerConfig {
	port: number;
	host: string;
	/** The public address, for links in emails and receipts; form posts are checked against it. */
	origin: string;
	dataDir: string;
	databaseUrl: string | undefined;
	/** PostgreSQL cancels a statement running longer (DATABASE_STATEMENT_TIMEOUT_MS, 10000). */
	statementTimeoutMs: number;
	smtp: {
		host: string | undefined;
		port: number;
		secure: boolean;
		user: string | undefined;
		password: string | undefined;
		from: string;
		/** Connecting, the greeting and each exchange give up after this long (SMTP_TIMEOUT_MS, 10000). */
		timeoutMs: number;
	};
	workerIntervalMs: number;
	/** Key for hashing and sealing codes and tokens; generated into DATA_DIR when unset. */
	appSecret: string | undefined;
	/** Lets the end-to-end suite reset the database and set the clock. Never set in production. */
	testMode: boolean;
	calls: CallConfig;
}

/** The video call's settings (README, "The video call"). */
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

/** A setting the app cannot run with; its message is one line naming the setting. */
export class ConfigError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'ConfigError';
	}
}

/** What each checked setting must be, as the start-up error says it. */
const EXPECTED: Record<string, string> = {
	PORT: 'a whole number from 1 to 65535',
	SMTP_PORT: 'a whole number from 1 to 65535',
	ORIGIN: 'must be an address such as https://ventanilla.example.gov.co, without a path',
	DATABASE_URL: 'a postgres://user:password@host:5432/database address',
	SMTP_SECURE: 'true or false',
	WORKER_INTERVAL_MS: 'a number of milliseconds from 100 to 3600000',
	DATABASE_STATEMENT_TIMEOUT_MS: 'a number of milliseconds from 100 to 3600000',
	SMTP_TIMEOUT_MS: 'a number of milliseconds from 100 to 3600000',
	APP_SECRET: 'at least 16 characters',
	VENTANILLA_TEST_MODE: '0 or 1',
	VIDEO_PROVIDER: 'builtin or external',
	ICE_SERVERS: 'a comma-separated list of stun:, turns: or turn: addresses',
	TURN_CREDENTIAL_TTL: 'a number of seconds from 600 to 86400',
	ICE_TRANSPORT_POLICY: 'all or relay'
};

// An empty variable means "not set", as in most shells' `VAR= command`.
const unset = (value: unknown) => (value === '' ? undefined : value);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(unset, schema.optional());
const withDefault = <T extends z.ZodType>(schema: T, fallback: z.input<T>) =>
	z.preprocess(unset, schema.default(fallback as never));

const port = z.coerce.number().int().min(1).max(65535);
const milliseconds = z.coerce.number().int().min(100).max(3_600_000);

const origin = z.string().transform((value, ctx) => {
	try {
		const url = new URL(value);
		if (['http:', 'https:'].includes(url.protocol) && url.pathname === '/' && !url.search) {
			return url.origin;
		}
	} catch {
		// Reported below.
	}
	ctx.addIssue({ code: 'custom', message: EXPECTED.ORIGIN! });
	return z.NEVER;
});

const iceUrls = z
	.string()
	.transform((value) => value.split(/[\s,]+/).filter(Boolean))
	.pipe(z.array(z.string().regex(/^(stun|stuns|turn|turns):\S+$/)));

const schema = z.object({
	PORT: withDefault(port, 3000),
	HOST: withDefault(z.string(), '0.0.0.0'),
	ORIGIN: optional(origin),
	DATA_DIR: withDefault(z.string(), 'data'),
	DATABASE_URL: optional(z.string().regex(/^postgres(ql)?:\/\/\S+$/)),
	DATABASE_STATEMENT_TIMEOUT_MS: withDefault(milliseconds, 10_000),
	SMTP_HOST: optional(z.string()),
	SMTP_PORT: withDefault(port, 587),
	SMTP_SECURE: withDefault(z.enum(['true', 'false']), 'false'),
	SMTP_USER: optional(z.string()),
	SMTP_PASSWORD: optional(z.string()),
	SMTP_FROM: withDefault(z.string(), 'Ventanilla <no-responder@demo.ventanilla.gov.co>'),
	SMTP_TIMEOUT_MS: withDefault(milliseconds, 10_000),
	WORKER_INTERVAL_MS: withDefault(milliseconds, 5000),
	APP_SECRET: optional(z.string().min(16)),
	VENTANILLA_TEST_MODE: withDefault(z.enum(['0', '1']), '0'),
	VIDEO_PROVIDER: withDefault(z.enum(['builtin', 'external']), 'builtin'),
	ICE_SERVERS: z.preprocess((value) => unset(value) ?? '', iceUrls),
	TURN_SECRET: optional(z.string()),
	TURN_CREDENTIAL_TTL: withDefault(z.coerce.number().int().min(600).max(86_400), 4 * 3600),
	ICE_TRANSPORT_POLICY: withDefault(z.enum(['all', 'relay']), 'all')
});

// Values of these never appear in an error message: they may hold passwords.
const SECRET = ['APP_SECRET', 'SMTP_PASSWORD', 'DATABASE_URL', 'TURN_SECRET'];

/** "PORT must be a whole number from 1 to 65535 (got "abc")". */
function explain(issue: z.core.$ZodIssue, env: Record<string, string | undefined>): string {
	const name = String(issue.path[0]);
	const expected = issue.code === 'custom' ? issue.message : `must be ${EXPECTED[name]}`;
	const got = SECRET.includes(name) || env[name] === undefined ? '' : ` (got "${env[name]}")`;
	return `${name} ${expected}${got}`;
}

/**
 * Reads and checks the settings; a bad value throws one ConfigError naming every bad setting.
 * `serving`: the server is starting (not a build or a script), so production needs APP_SECRET.
 */
export function readConfig(
	env: Record<string, string | undefined>,
	options: { serving?: boolean } = {}
): ServerConfig {
	const result = schema.safeParse(env);
	const problems = result.success ? [] : result.error.issues.map((issue) => explain(issue, env));
	if (options.serving && env.NODE_ENV === 'production' && !env.APP_SECRET) {
		problems.push('APP_SECRET must be set in production (NODE_ENV=production)');
	}
	const ice = result.success ? result.data.ICE_SERVERS : [];
	if (ice.some((url) => url.startsWith('turn')) && !result.data?.TURN_SECRET) {
		problems.push('ICE_SERVERS names a TURN server: set TURN_SECRET (its static-auth-secret)');
	}
	if (!result.success || problems.length > 0) {
		throw new ConfigError(`Configuration error: ${problems.join('; ')}.`);
	}
	const value = result.data;
	return {
		port: value.PORT,
		host: value.HOST,
		origin: value.ORIGIN ?? `http://localhost:${value.PORT}`,
		dataDir: resolve(value.DATA_DIR),
		databaseUrl: value.DATABASE_URL,
		statementTimeoutMs: value.DATABASE_STATEMENT_TIMEOUT_MS,
		smtp: {
			host: value.SMTP_HOST,
			port: value.SMTP_PORT,
			secure: value.SMTP_SECURE === 'true',
			user: value.SMTP_USER,
			password: value.SMTP_PASSWORD,
			from: value.SMTP_FROM,
			timeoutMs: value.SMTP_TIMEOUT_MS
		},
		workerIntervalMs: value.WORKER_INTERVAL_MS,
		appSecret: value.APP_SECRET,
		testMode: value.VENTANILLA_TEST_MODE === '1',
		calls: {
			provider: value.VIDEO_PROVIDER,
			iceServers: value.ICE_SERVERS,
			turnSecret: value.TURN_SECRET,
			turnCredentialTtl: value.TURN_CREDENTIAL_TTL,
			iceTransportPolicy: value.ICE_TRANSPORT_POLICY
		}
	};
}

/** The settings of this process, checked when it loads them. */
export const config: ServerConfig = readConfig(process.env);

/** Checks the settings again as the server starts, with the rules that only serving has. */
export function checkServing(): void {
	readConfig(process.env, { serving: true });
}

/**
 * The key for hashing and sealing codes and tokens. Production sets APP_SECRET; a development
 * machine gets one generated once into the data directory so codes survive restarts.
 */
export function appSecret(): string {
	if (config.appSecret) return config.appSecret;
	const file = resolve(config.dataDir, 'app-secret');
	if (!existsSync(file)) {
		mkdirSync(config.dataDir, { recursive: true });
		writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600 });
	}
	return readFileSync(file, 'utf8').trim();
}
