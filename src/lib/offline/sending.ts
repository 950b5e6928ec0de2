import type { Locale } from '../i18n/locales';
import { drafts, SYNC_TAG, type Draft, type DraftKind } from './drafts';

interface SyncRegistration extends ServiceWorkerRegistration {
	sync?: { register(tag: string): Promise<void> };
}

/**
 * Asks for pending drafts to be sent: through Background Sync where the browser has it (sent even
 * if the page is closed), otherwise now when online; failing both, register.ts sends them on the
 * next visit or when the network returns.
 */
export async function scheduleSending(): Promise<void> {
	const registration = (await navigator.serviceWorker?.getRegistration()) as
		SyncRegistration | undefined;
	if (registration?.sync) {
		try {
			await registration.sync.register(SYNC_TAG);
			return;
		} catch {
			// Background Sync refused (permission, private window): fall through to sending now.
		}
	}
	if (navigator.onLine) await drafts.sendPending();
}

/** Keeps what the person wrote on this device and has it sent as soon as possible. */
export async function queueDraft(
	kind: DraftKind,
	body: Record<string, unknown>,
	lang: Locale,
	key?: string
): Promise<Draft> {
	const draft = await drafts.save(kind, body, lang, key);
	await scheduleSending();
	return draft;
}
