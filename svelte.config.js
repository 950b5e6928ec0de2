import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		adapter: adapter({ out: 'build', precompress: true }),
		// The styles travel inside the HTML: the first paint needs one round trip, not two.
		inlineStyleThreshold: 10_240,
		// Registered by $lib/offline/register.ts through workbox-window, which also offers updates.
		serviceWorker: { register: false },
		// The origin check lives in hooks.server.ts, which answers the API in problem+json.
		csrf: { trustedOrigins: ['*'] },
		alias: {
			$locales: 'locales'
		},
		csp: {
			mode: 'auto',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				'style-src': ['self', 'unsafe-inline'],
				'img-src': ['self', 'data:'],
				'media-src': ['self', 'blob:'],
				'font-src': ['self'],
				'connect-src': ['self'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self'],
				'frame-ancestors': ['none'],
				'manifest-src': ['self'],
				'worker-src': ['self']
			}
		}
	}
};

export default config;
