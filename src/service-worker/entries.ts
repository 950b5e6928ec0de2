import type { PrecacheEntry } from 'workbox-precaching';

/** Static files that are not precached: audio is kept only when a person downloads it. */
const NOT_PRECACHED = [/^\/audio\//, /^\/robots\.txt$/];

/**
 * What pages load from the build: our page scripts, and a style sheet too big to inline. Pages
 * render on the server only, so the framework's client code is never asked for.
 */
const PAGE_FILES = /^\/_app\/immutable\/(workers\/[^/]+\.js|assets\/[^/]+\.css)$/;

/**
 * What the service worker keeps on the device: the page scripts and styles (their names carry a
 * hash, so they need no revision), the static files and the pages (revised with each deployment).
 */
export function precacheEntries(input: {
	build: string[];
	files: string[];
	pages: string[];
	version: string;
}): PrecacheEntry[] {
	const { build, files, pages, version } = input;
	return [
		...build.filter((url) => PAGE_FILES.test(url)).map((url) => ({ url, revision: null })),
		...files
			.filter((url) => !NOT_PRECACHED.some((pattern) => pattern.test(url)))
			.map((url) => ({ url, revision: version })),
		...pages.map((url) => ({ url, revision: version }))
	];
}
