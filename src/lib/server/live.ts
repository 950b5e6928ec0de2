import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { clock } from './clock';
import type { Database, DatabaseHandle } from './db';
import { generation } from './db/generation';
import { liveVersions } from './db/schema';
import type { Transaction } from './idempotency';
import { errorFields, log } from './log';

/**
 * What officials publish while the app runs (reviewed Wayuunaiki strings, reviewed recordings)
 * reaches every instance at once, without a restart. Each kind of resource ("topic") has a token
 * in `live_versions`, replaced in the transaction of every change, which also sends a NOTIFY.
 * An instance loads a topic again when its token changed: at once when the NOTIFY arrives (every
 * instance listens), and otherwise within POLL_MS (a lost notification, a listener reconnecting).
 */
export type Topic = 'content' | 'translations' | 'recordings';

export const CHANNEL = 'ventanilla_live';
/** How long an instance trusts what it loaded before asking the database again. */
export const POLL_MS = 2000;
/** After a change made here, every request checks: our own NOTIFY may come after our answer. */
const AFTER_CHANGE_MS = 5000;
/** A request waits this long at most for a reload; past it, it is served with what is loaded. */
const WAIT_MS = 1000;

interface Loader {
	topic: Topic;
	/** Topics whose change also needs this one loaded again (recordings are titled by the strings). */
	follows: Topic[];
	load(db: Database): Promise<void>;
}

const loaders: Loader[] = [];
let loaded = new Map<string, string>();
let loadedGeneration = -1;
let stale = true;
let nextCheck = 0;
let checkUntil = 0;
let running: Promise<void> | undefined;
/** Counts the loads that changed something: what was rendered from older resources is stale. */
let version = 0;
/** `loaded` as `tokens()` gives it, written when a sync replaces the map: every request asks. */
let tokenText = '';

const NONE = 'none';

async function sync(db: Database): Promise<void> {
	stale = false;
	const started = Date.now();
	const seenGeneration = generation.current();
	try {
		// The tokens first, then the data: a change committed in between is loaded now and again
		// at the next check, never missed.
		const rows = await db.select().from(liveVersions);
		const tokens = new Map(rows.map((row) => [row.topic, row.token]));
		const changed = new Set(
			loaders
				.map((loader) => loader.topic)
				.filter(
					(topic) =>
						seenGeneration !== loadedGeneration ||
						(tokens.get(topic) ?? NONE) !== (loaded.get(topic) ?? '')
				)
		);
		for (const loader of loaders) {
			if (changed.has(loader.topic) || loader.follows.some((topic) => changed.has(topic))) {
				await loader.load(db);
			}
		}
		loaded = new Map(loaders.map(({ topic }) => [topic, tokens.get(topic) ?? NONE]));
		tokenText = [...loaded]
			.sort(([a], [b]) => a.localeCompare(b))
			.map(([topic, token]) => `${topic}=${token}`)
			.join(';');
		loadedGeneration = seenGeneration;
		if (changed.size) version += 1;
		if (changed.size)
			log.info('live resources loaded', {
				topics: [...changed].join(','),
				ms: Date.now() - started
			});
	} catch (error) {
		// Served with what is loaded; the tokens still differ at the next check, which loads again.
		log.warn('live resources not loaded', errorFields(error));
	} finally {
		nextCheck = Date.now() + POLL_MS;
	}
}

export const live = {
	/** Registers how a topic is loaded into this process (i18next, the content and audio overlays). */
	on(topic: Topic, load: (db: Database) => Promise<void>, follows: Topic[] = []): void {
		if (loaders.some((loader) => loader.topic === topic)) return;
		// A topic loads before those that follow it, whatever the order the modules were imported in.
		const before = loaders.findIndex((loader) => loader.follows.includes(topic));
		loaders.splice(before < 0 ? loaders.length : before, 0, { topic, follows, load });
	},

	/** Records a change of `topic` in the caller's transaction; every instance loads it again. */
	async changed(tx: Transaction | Database, topic: Topic): Promise<void> {
		const token = randomUUID();
		await tx
			.insert(liveVersions)
			.values({ topic, token, changedAt: clock.now() })
			.onConflictDoUpdate({ target: liveVersions.topic, set: { token, changedAt: clock.now() } });
		await tx.execute(sql`select pg_notify(${CHANNEL}, ${topic})`);
		checkUntil = Date.now() + AFTER_CHANGE_MS;
	},

	/** Listens for other instances' changes (and ours, after commit). */
	listen(handle: DatabaseHandle): Promise<() => Promise<void>> {
		const mark = () => {
			stale = true;
		};
		return handle.listen(CHANNEL, mark, mark);
	},

	/**
	 * Makes sure this instance serves what the database holds: loads what changed, if anything.
	 * Called before every request; most return at once. A database that does not answer leaves
	 * the loaded resources in place (a content page is still served during an outage).
	 */
	async fresh(db: Database): Promise<void> {
		const now = Date.now();
		if (
			!stale &&
			now < nextCheck &&
			now > checkUntil &&
			generation.current() === loadedGeneration
		) {
			return;
		}
		running ??= sync(db).finally(() => {
			running = undefined;
		});
		let timer: NodeJS.Timeout | undefined;
		await Promise.race([
			running,
			new Promise((resolve) => {
				timer = setTimeout(resolve, WAIT_MS);
			})
		]);
		clearTimeout(timer);
	},

	/** Changes each time this instance loads a changed resource (caches of pages key on it). */
	version(): number {
		return version;
	},

	/**
	 * The tokens of what is loaded, the same on every instance that loaded the same changes: the
	 * service worker's address carries them, so a device keeps pages of the content published now.
	 */
	tokens(): string {
		return tokenText;
	},

	/**
	 * Counts a change of what this instance serves made without a load (the charter version in
	 * force changing with the date): pages kept from before are stale.
	 */
	bump(): void {
		version += 1;
	},

	/** Loads everything now and waits for it (start-up, scripts). */
	async load(db: Database): Promise<void> {
		await running;
		stale = true;
		loadedGeneration = -1;
		await sync(db);
	}
};
