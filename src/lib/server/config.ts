import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** Runtime settings, read only from the environment (see .env.example). */
export interface ServerConfig {
	dataDir: string;
	databaseUrl: string | undefined;
	/** The public address, for links in emails and receipts; form posts are checked against it. */
	origin: string;
	smtp: {
		host: string | undefined;
		port: number;
		secure: boolean;
		user: string | undefined;
		password: string | undefined;
		from: string;
	};
	/** Lets the end-to-end suite reset the database and set the clock. Never set in production. */
	testMode: boolean;
}

function read(env: NodeJS.ProcessEnv): ServerConfig {
	return {
		dataDir: resolve(env.DATA_DIR ?? 'data'),
		databaseUrl: env.DATABASE_URL || undefined,
		origin: env.ORIGIN || `http://localhost:${env.PORT || 3000}`,
		smtp: {
			host: env.SMTP_HOST || undefined,
			port: Number(env.SMTP_PORT ?? 587),
			secure: env.SMTP_SECURE === 'true',
			user: env.SMTP_USER || undefined,
			password: env.SMTP_PASSWORD || undefined,
			from: env.SMTP_FROM ?? 'Ventanilla <no-responder@demo.ventanilla.gov.co>'
		},
		testMode: env.VENTANILLA_TEST_MODE === '1'
	};
}

export const config: ServerConfig = read(process.env);

/**
 * The key for hashing security codes and tokens. Production sets APP_SECRET; a development
 * machine gets one generated once into the data directory so codes survive restarts.
 */
export function appSecret(): string {
	if (process.env.APP_SECRET) return process.env.APP_SECRET;
	const file = resolve(config.dataDir, 'app-secret');
	if (!existsSync(file)) {
		mkdirSync(config.dataDir, { recursive: true });
		writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600 });
	}
	return readFileSync(file, 'utf8').trim();
}
