import type { ActionResult } from '@sveltejs/kit';
import { normaliseGlottalStop } from '../i18n/glottal';
import { drafts, type Draft } from './drafts';

/**
 * Whether an enhanced submission got no answer at all (no network, or the answer was lost on the
 * way) or a 503 (the service cannot take it for now), as opposed to an answer from the server:
 * only then is the form kept as a draft, to be sent again later.
 */
export function lostConnection(result: ActionResult): boolean {
	const status = (result as { status?: number }).status;
	return result.type === 'error' && (status === undefined || status === 503);
}

/**
 * The fields of a form as the API takes them. Look-alike glottal stops are folded as the form
 * action folds them, so a draft sent with the form's idempotency key matches what the form sent.
 */
export function formBody(data: FormData, fields: readonly string[]): Record<string, string> {
	const body: Record<string, string> = {};
	for (const name of fields) {
		const value = data.get(name);
		if (typeof value === 'string') body[name] = normaliseGlottalStop(value);
	}
	return body;
}

/** How many files were chosen in a file field. */
export function chosenFiles(data: FormData, name: string): number {
	return data.getAll(name).filter((file) => file instanceof File && file.size > 0).length;
}

const FIRST_WAIT = 2_000;
const LONGEST_WAIT = 60_000;
const LOOK_EVERY = 1_000;

/**
 * Follows one draft from the page that wrote it until the server has answered it. Sends it while
 * online, again after a lost answer (2 s, 4 s… up to a minute), at once when the network returns;
 * and notices when the service worker or another page sent it first. The idempotency key makes
 * every one of those tries safe. Calls `settled` once: with the draft sent or refused, or with
 * undefined when it was removed. Returns a function that stops following.
 */
export function followDraft(key: string, settled: (draft: Draft | undefined) => void): () => void {
	let stopped = false;
	let running = false;
	let again = false;
	let wait = FIRST_WAIT;
	let nextTry = 0;
	let timer: ReturnType<typeof setTimeout> | undefined;

	async function look(): Promise<Draft | undefined | 'pending'> {
		let draft = await drafts.get(key);
		if (draft?.state === 'pending' && navigator.onLine && Date.now() >= nextTry) {
			const outcome = await drafts.send(draft);
			draft = outcome.draft;
			if (outcome.result === 'pending') {
				nextTry = Date.now() + wait;
				wait = Math.min(wait * 2, LONGEST_WAIT);
			}
		}
		return draft && draft.state === 'pending' ? 'pending' : draft;
	}

	async function tick(): Promise<void> {
		if (stopped) return;
		if (running) {
			again = true;
			return;
		}
		running = true;
		clearTimeout(timer);
		let found: Draft | undefined | 'pending' = 'pending';
		try {
			found = await look();
		} catch {
			// The device store was busy or closing: look again at the next tick.
		}
		running = false;
		if (stopped) return;
		if (found !== 'pending') {
			stop();
			settled(found);
			return;
		}
		if (again) {
			again = false;
			void tick();
		} else {
			timer = setTimeout(() => void tick(), LOOK_EVERY);
		}
	}

	function online() {
		nextTry = 0;
		wait = FIRST_WAIT;
		void tick();
	}

	function stop() {
		stopped = true;
		clearTimeout(timer);
		removeEventListener('online', online);
	}

	addEventListener('online', online);
	void tick();
	return stop;
}

/** A refused draft's problem+json as the form shows it: one message per field, or one for the form. */
export function fieldErrors(problem: unknown, fallback: string): Record<string, string> {
	const found = (problem ?? {}) as {
		detail?: string;
		title?: string;
		errors?: { path?: string; message?: string }[];
	};
	const byField: Record<string, string> = {};
	for (const { path, message } of found.errors ?? []) {
		const field = (path ?? '').split('.')[0] || 'form';
		if (message) byField[field] ??= message;
	}
	if (Object.keys(byField).length === 0) byField.form = found.detail ?? found.title ?? fallback;
	return byField;
}
