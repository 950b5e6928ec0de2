import { normaliseGlottalStop } from '../i18n/glottal';
import { isLocale, type Locale } from '../i18n/locales';
import { DRAFT_FIELDS, DRAFT_PAGES, drafts, type Draft, type DraftKind } from './drafts';

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

/** The form that keeps drafts at an address, `/guc/te-llamamos` → a call-back in Wayuunaiki. */
export function draftFormAt(pathname: string): { kind: DraftKind; lang: Locale } | undefined {
	const [, lang, page, ...rest] = pathname.split('/');
	if (!isLocale(lang) || rest.length > 0) return undefined;
	const kind = (Object.keys(DRAFT_PAGES) as DraftKind[]).find((k) => DRAFT_PAGES[k] === page);
	return kind && { kind, lang };
}

/** Where a draft's form shows it while it waits: `/es/pqrsd?borrador={key}&archivos=2`. */
export function draftAddress(draft: Draft, filesLeftOut = 0): string {
	const files = filesLeftOut > 0 ? `&archivos=${filesLeftOut}` : '';
	return `/${draft.lang}/${DRAFT_PAGES[draft.kind]}?borrador=${draft.key}${files}`;
}

/**
 * Keeps a form submission whose answer never came (the service worker calls it when a form's POST
 * fails on the way). It carries the form's own idempotency key, since the server may have filed it
 * already: sending the draft then replays the first answer. With files, the draft (text only)
 * differs from what was sent, so it gets its own key.
 */
export async function keepSubmission(
	kind: DraftKind,
	lang: Locale,
	data: FormData
): Promise<{ draft: Draft; filesLeftOut: number }> {
	const filesLeftOut = chosenFiles(data, 'attachments');
	const formKey = data.get('idempotencyKey');
	const key = filesLeftOut === 0 && typeof formKey === 'string' && formKey ? formKey : undefined;
	const draft = await drafts.save(kind, formBody(data, DRAFT_FIELDS[kind]), lang, key);
	return { draft, filesLeftOut };
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
