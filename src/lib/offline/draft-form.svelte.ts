import { onMount, tick } from 'svelte';
import type { SubmitFunction } from '@sveltejs/kit';
import type { Locale } from '$lib/i18n/locales';
import { deviceStoreExists } from './device-store';
import { drafts, type Draft, type DraftKind } from './drafts';
import { fieldErrors, followDraft, formBody, lostConnection } from './offline-form';
import { queueDraft } from './sending';

/** A draft the server refused (a missing field, a day that has passed…): back in the form. */
export interface RefusedDraft {
	key: string;
	values: Record<string, string>;
	errors: Record<string, string>;
}

export interface DraftFormOptions<Pending extends object, Sent> {
	kind: DraftKind;
	/** The fields the API takes, as the form names them. */
	fields: readonly string[];
	lang: () => Locale;
	/** The message for a refusal that names no field. */
	refusedMessage: () => string;
	/** What the page says while the draft waits, from what the person wrote. */
	pending(body: Record<string, string>, data: FormData): Pending;
	/** What the page shows once the server has answered the draft. */
	sent(answer: unknown, pending: Pending | null): Sent;
	/** False when the draft differs from what was sent (files left out): it then needs its own key. */
	sameRequest?(data: FormData): boolean;
	/** The values a refused draft puts back in the form. */
	refusedValues?(body: Record<string, string>): Record<string, string>;
}

/**
 * The offline side of a form that files a request (a petition, a call-back): when the network
 * fails, the request is kept on the device with its idempotency key and followed until the server
 * answers it, so it is never lost nor filed twice. Create it while the page's component starts.
 */
export class DraftForm<Pending extends object, Sent> {
	/** A request kept on this device because the network failed, until the server answers it. */
	pending = $state<(Pending & { key: string }) | null>(null);
	/** The server's answer to a draft, shown as the usual confirmation. */
	sent = $state<Sent | null>(null);
	refused = $state<RefusedDraft | null>(null);
	/** The device could not keep the draft (IndexedDB unavailable in some private windows). */
	notSaved = $state(false);
	submitting = $state(false);
	/** Requests of this kind written here earlier and not yet seen. */
	waitingOnDevice = $state(false);
	heading = $state<HTMLElement>();

	readonly #options: DraftFormOptions<Pending, Sent>;

	constructor(options: DraftFormOptions<Pending, Sent>) {
		this.#options = options;
		$effect(() => {
			if (!this.pending) return;
			const key = this.pending.key;
			return followDraft(key, (draft) => void this.#settle(draft));
		});
		onMount(() => {
			// Without creating the store when this device never kept anything.
			void (async () => {
				if (!('indexedDB' in window) || !(await deviceStoreExists())) return;
				this.waitingOnDevice = (await drafts.list()).some((draft) => draft.kind === options.kind);
			})().catch(() => undefined);
		});
	}

	async focusHeading(): Promise<void> {
		await tick();
		this.heading?.focus();
	}

	/** For `use:enhance`: keeps the request as a draft when offline or when its answer is lost. */
	submit: SubmitFunction = ({ formData, cancel }) => {
		if (!navigator.onLine) {
			cancel();
			void this.#keep(formData, false);
			return;
		}
		this.submitting = true;
		return async ({ result, update }) => {
			this.submitting = false;
			if (lostConnection(result)) {
				await this.#keep(formData, true);
				return;
			}
			if (this.refused && result.type === 'success') await drafts.remove(this.refused.key);
			this.refused = null;
			this.notSaved = false;
			await update({ reset: false });
			if (result.type === 'success') await this.focusHeading();
		};
	};

	async #keep(data: FormData, mayHaveArrived: boolean): Promise<void> {
		const options = this.#options;
		const formKey = data.get('idempotencyKey');
		// The form's own key when the request may have reached the server before its answer was lost.
		const key =
			mayHaveArrived && (options.sameRequest?.(data) ?? true) && typeof formKey === 'string'
				? formKey || undefined
				: undefined;
		const body = formBody(data, options.fields);
		try {
			const draft = await queueDraft(options.kind, body, options.lang(), key);
			if (this.refused && this.refused.key !== draft.key) await drafts.remove(this.refused.key);
			this.refused = null;
			this.notSaved = false;
			this.pending = { ...options.pending(body, data), key: draft.key };
			await this.focusHeading();
		} catch {
			this.notSaved = true;
		}
	}

	async #settle(draft: Draft | undefined): Promise<void> {
		const pending = this.pending;
		this.pending = null;
		if (draft?.state === 'sent') {
			await drafts.remove(draft.key);
			this.sent = this.#options.sent(draft.answer, pending);
			await this.focusHeading();
		} else if (draft?.state === 'rejected') {
			const body = draft.body as Record<string, string>;
			this.refused = {
				key: draft.key,
				values: this.#options.refusedValues?.(body) ?? body,
				errors: fieldErrors(draft.problem, this.#options.refusedMessage())
			};
		}
	}
}
