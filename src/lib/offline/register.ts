// A standalone script (built by Vite as its own bundle, loaded with <script defer>), so it works
// on pages with or without SvelteKit's client runtime. It registers the service worker through
// workbox-window and, when a new version is waiting, shows the prompt rendered by AppUpdate.svelte.
// The page reloads only when the person presses "Actualizar": never in the middle of a form.
import { Workbox } from 'workbox-window';

if ('serviceWorker' in navigator) {
	const workbox = new Workbox('/service-worker.js');

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

	void workbox.register();
}
