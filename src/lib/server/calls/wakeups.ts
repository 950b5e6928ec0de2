import { EventEmitter } from 'node:events';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { config } from '../config';
import type { Database } from '../db';
import { errorFields, log } from '../log';

// Everything a call needs lives in the database; this only wakes the requests that wait for news
// sooner than their next look. On one process (PGlite) an event does it; on PostgreSQL, NOTIFY
// reaches every instance. A lost wake-up costs at most one look interval, never a message.

const CHANNEL = 'ventanilla_calls';
/** How the LISTEN connection names itself in pg_stat_activity. */
export const LISTENER_NAME = `ventanilla-calls-${process.pid}`;
const local = new EventEmitter();
local.setMaxListeners(0);
let client: postgres.Sql | undefined;
let listener: Promise<unknown> | undefined;
let closed = false;

function listen(): Promise<unknown> | undefined {
	if (listener || closed || !config.databaseUrl) return listener;
	const own = postgres(config.databaseUrl, {
		max: 1,
		onnotice: () => {},
		connect_timeout: 5,
		connection: { application_name: LISTENER_NAME }
	});
	client = own;
	listener = own
		.listen(CHANNEL, (appointmentId) => local.emit(appointmentId))
		.catch((error: unknown) => {
			log.warn('call wake-ups fall back to polling', errorFields(error));
			if (client === own) {
				client = undefined;
				listener = undefined;
			}
			void own.end({ timeout: 1 });
		});
	return listener;
}

export const wakeups = {
	/** Tells every waiting request of this call, on every instance, that something changed. */
	async notify(db: Database, appointmentId: string): Promise<void> {
		local.emit(appointmentId);
		if (config.databaseUrl) await db.execute(sql`select pg_notify(${CHANNEL}, ${appointmentId})`);
	},

	/** Resolves once this instance listens for other instances' changes (PostgreSQL only). */
	async ready(): Promise<void> {
		await listen();
	},

	/** Resolves at the next change of this call, or after `ms`, or when `signal` aborts. */
	wait(appointmentId: string, ms: number, signal?: AbortSignal): Promise<void> {
		listen();
		return new Promise((resolve) => {
			const done = () => {
				clearTimeout(timer);
				local.off(appointmentId, done);
				signal?.removeEventListener('abort', done);
				resolve();
			};
			const timer = setTimeout(done, ms);
			local.on(appointmentId, done);
			signal?.addEventListener('abort', done);
		});
	},

	/** Closes the LISTEN connection, for a graceful shutdown; later waits only poll. */
	async close(): Promise<void> {
		closed = true;
		const own = client;
		client = undefined;
		listener = undefined;
		await own?.end({ timeout: 5 });
	}
};
