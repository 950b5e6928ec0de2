// Every page's script (built by Vite as its own small module, loaded by AppUpdate.svelte). It
// registers the service worker through workbox-window and, when a new version is waiting, shows
// the prompt rendered by AppUpdate.svelte.
// The page reloads only when the person presses "Actualizar": never in the middle of a form.
import { Workbox } from 'workbox-window';
import { deviceStoreExists } from './device-store';
import { DRAFTS_EVENT, drafts } from './drafts';

// Drafts written offline go out on each visit and whenever the network returns: the only way where
// Background Sync is missing, and harmless where it is (the idempotency key prevents duplicates).
async function sendDrafts(): Promise<void> {
	if (!('indexedDB' in window) || !(await deviceStoreExists())) return;
	const outcomes = await drafts.sendPending();
	if (outcomes.length) dispatchEvent(new CustomEvent(DRAFTS_EVENT, { detail: outcomes }));
}
const trySending = () => void sendDrafts().catch(() => undefined);
addEventListener('online', trySending);
addEventListener('load', trySending);

if ('serviceWorker' in navigator) {
	// The address carries the word of the published content: when an editor's change is published,
	// the page registers a new worker, which keeps the changed pages for offline use and waits for
	// "Actualizar" like a new deployment. A page kept on the device carries the word of when it was
	// kept, so the network's word comes first.
	const kept = document.querySelector<HTMLMetaElement>('meta[name="ventanilla-content"]');
	const content = await fetch('/api/v1/content/version', { cache: 'no-store' })
		.then(async (answer) =>
			answer.ok ? ((await answer.json()) as { version: string }).version : kept?.content
		)
		.catch(() => kept?.content);
	const script = content
		? `/service-worker.js?contenido=${encodeURIComponent(content)}`
		: '/service-worker.js';
	// `vite dev` serves the service worker as an ES module; the build, as a classic script.
	const workbox = new Workbox(script, import.meta.env.DEV ? { type: 'module' } : {});

	workbox.addEventListener('waiting', () => {
		const prompt = document.querySelector<HTMLElement>('[data-app-update-prompt]');
		const button = prompt?.querySelector('button');
		if (!prompt || !button) return;
		button.addEventListener(
			'click',
			() => {
				button.disabled = true;
				workbox.addEventListener('controlling', () => location.reload());
				workbox.messageSkipWaiting();
			},
			{ once: true }
		);
		prompt.hidden = false;
	});

	// Drafts the service worker sent through Background Sync.
	navigator.serviceWorker.addEventListener('message', (event) => {
		if (event.data?.type === 'DRAFTS_SENT') {
			dispatchEvent(new CustomEvent(DRAFTS_EVENT, { detail: event.data.outcomes }));
		}
	});

	void workbox.register();
}
