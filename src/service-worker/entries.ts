import type { PrecacheEntry } from 'workbox-precaching';

/** Static files that are not precached: audio is kept only when a person downloads it. */
const NOT_PRECACHED = [/^\/audio\//, /^\/robots\.txt$/];

/**
 * What the service worker keeps on the device: the built scripts and styles (their names carry a
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
		...build.map((url) => ({
			url,
			revision: url.includes('/immutable/') ? null : version
		})),
		...files
			.filter((url) => !NOT_PRECACHED.some((pattern) => pattern.test(url)))
			.map((url) => ({ url, revision: version })),
		...pages.map((url) => ({ url, revision: version }))
	];
}
