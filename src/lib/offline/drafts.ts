import { PETITION_FIELDS } from '../domain/petition-form';
import type { Locale } from '../i18n/locales';
import { replaceIfPresent, withStore } from './device-store';

/** What a citizen can write offline, and where each is sent when the network returns. */
export const DRAFT_ENDPOINTS = {
	pqrsd: '/api/v1/radicados',
	callback: '/api/v1/callbacks'
} as const;
export type DraftKind = keyof typeof DRAFT_ENDPOINTS;

/** The page of each form, after the language (`/es/pqrsd`, `/guc/te-llamamos`). */
export const DRAFT_PAGES: Record<DraftKind, string> = {
	pqrsd: 'pqrsd',
	callback: 'te-llamamos'
};

/** The fields each form sends as the API takes them (attachments are never kept in drafts). */
export const DRAFT_FIELDS: Record<DraftKind, readonly string[]> = {
	pqrsd: PETITION_FIELDS,
	callback: ['name', 'phone', 'language', 'topic', 'details', 'day', 'window', 'consent']
};

/** The Background Sync tag the service worker answers by sending pending drafts. */
export const SYNC_TAG = 'send-drafts';

/** Dispatched on window with the outcomes when drafts were sent, for pages that show them. */
export const DRAFTS_EVENT = 'ventanilla:drafts';

export interface Draft {
	/** Also the Idempotency-Key: however often the draft is sent, the server files it once. */
	key: string;
	kind: DraftKind;
	lang: Locale;
	body: Record<string, unknown>;
	savedAt: string;
	attempts: number;
	/**
	 * `pending` until sent ("pendiente de envío"); `rejected` when the server refused its content;
	 * `sent` holds the server's answer (the radicado and its code) until the person has seen it.
	 */
	state: 'pending' | 'rejected' | 'sent';
	problem?: unknown;
	answer?: unknown;
}

export type Outcome =
	| { result: 'sent'; draft: Draft; status: number; answer: unknown }
	| { result: 'pending'; draft: Draft; reason: 'offline' | 'server' }
	| { result: 'rejected'; draft: Draft; status: number; problem: unknown };

// Answers that say "try again later": the draft stays pending.
const RETRY_LATER = new Set([408, 425, 429]);
const inFlight = new Map<string, Promise<Outcome>>();
let lastSaved = 0;

async function put(draft: Draft): Promise<Draft> {
	await withStore('drafts', 'readwrite', (store) => store.put(draft));
	return draft;
}

/** Records the outcome of a try, unless the draft was removed meanwhile (seen, or "Borrar todo"). */
async function record(draft: Draft): Promise<Draft> {
	await replaceIfPresent('drafts', draft.key, draft);
	return draft;
}

async function answerOf(response: Response): Promise<unknown> {
	try {
		return await response.json();
	} catch {
		return null;
	}
}

async function attempt(draft: Draft, fetcher: typeof fetch): Promise<Outcome> {
	let response: Response;
	try {
		// The body is stored once and sent as the same bytes: the server refuses a key reused with other data.
		response = await fetcher(DRAFT_ENDPOINTS[draft.kind], {
			method: 'POST',
			headers: {
				'content-type': 'application/json',
				accept: 'application/json',
				'accept-language': draft.lang,
				'idempotency-key': draft.key
			},
			body: JSON.stringify(draft.body)
		});
	} catch {
		// No network, or the answer was lost on the way: the same key makes the next try safe.
		const kept = await record({ ...draft, attempts: draft.attempts + 1 });
		return { result: 'pending', draft: kept, reason: 'offline' };
	}
	if (response.ok) {
		let answer: unknown;
		try {
			answer = await response.json();
		} catch {
			// Filed, but the answer (the radicado and its code) was cut off: the next try replays it.
			const kept = await record({ ...draft, attempts: draft.attempts + 1 });
			return { result: 'pending', draft: kept, reason: 'offline' };
		}
		// Sent, perhaps with no page open: the text goes, the answer stays until the person reads it.
		const sent = await record({
			...draft,
			body: {},
			attempts: draft.attempts + 1,
			state: 'sent',
			answer
		});
		return { result: 'sent', draft: sent, status: response.status, answer };
	}
	if (response.status >= 500 || RETRY_LATER.has(response.status)) {
		const kept = await record({ ...draft, attempts: draft.attempts + 1 });
		return { result: 'pending', draft: kept, reason: 'server' };
	}
	// The content was refused (a missing field…): kept, never lost, for the person to correct.
	const problem = await answerOf(response);
	const kept = await record({ ...draft, attempts: draft.attempts + 1, state: 'rejected', problem });
	return { result: 'rejected', draft: kept, status: response.status, problem };
}

export const drafts = {
	/**
	 * Keeps what the person wrote on this device. `key` is the form's own idempotency key when the
	 * form may already have reached the server (answer lost): the draft then files nothing new.
	 */
	save(
		kind: DraftKind,
		body: Record<string, unknown>,
		lang: Locale,
		key: string = crypto.randomUUID()
	): Promise<Draft> {
		// Strictly increasing, so drafts saved in the same millisecond keep their order.
		lastSaved = Math.max(Date.now(), lastSaved + 1);
		return put({
			key,
			kind,
			lang,
			body,
			savedAt: new Date(lastSaved).toISOString(),
			attempts: 0,
			state: 'pending'
		});
	},

	/** Every draft on this device, oldest first. */
	async list(): Promise<Draft[]> {
		const all = await withStore(
			'drafts',
			'readonly',
			(store) => store.getAll() as IDBRequest<Draft[]>
		);
		return all.sort((a, b) => a.savedAt.localeCompare(b.savedAt));
	},

	/** One draft, or undefined once it was removed (sent and seen, or "Borrar todo"). */
	get(key: string): Promise<Draft | undefined> {
		return withStore(
			'drafts',
			'readonly',
			(store) => store.get(key) as IDBRequest<Draft | undefined>
		);
	},

	/** Forgets a draft: a sent one once the person has seen its answer, or one they discard. */
	remove(key: string): Promise<undefined> {
		return withStore('drafts', 'readwrite', (store) => store.delete(key));
	},

	/** Sends one draft: removed once the server has it (first answer or replay), kept otherwise. */
	send(draft: Draft, fetcher: typeof fetch = fetch): Promise<Outcome> {
		// One send per draft at a time in this page or worker; across them, the key prevents duplicates.
		let sending = inFlight.get(draft.key);
		if (!sending) {
			sending = attempt(draft, fetcher).finally(() => inFlight.delete(draft.key));
			inFlight.set(draft.key, sending);
		}
		return sending;
	},

	/** Sends every pending draft, one after another (Background Sync, or the next visit). */
	async sendPending(fetcher: typeof fetch = fetch): Promise<Outcome[]> {
		const outcomes: Outcome[] = [];
		for (const draft of await drafts.list()) {
			if (draft.state !== 'pending') continue;
			const outcome = await drafts.send(draft, fetcher);
			outcomes.push(outcome);
			if (outcome.result === 'pending' && outcome.reason === 'offline') break;
		}
		return outcomes;
	}
};
