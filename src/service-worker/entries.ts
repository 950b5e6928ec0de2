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
 * hash, so they need no revision), the static files (revised with each deployment) and the pages
 * (revised with each deployment and each change of the published content, `content`).
 */
export function precacheEntries(input: {
	build: string[];
	files: string[];
	pages: string[];
	version: string;
	content?: string | null;
}): PrecacheEntry[] {
	const { build, files, pages, version, content } = input;
	const pageRevision = content ? `${version}:${content}` : version;
	return [
		...build.filter((url) => PAGE_FILES.test(url)).map((url) => ({ url, revision: null })),
		...files
			.filter((url) => !NOT_PRECACHED.some((pattern) => pattern.test(url)))
			.map((url) => ({ url, revision: version })),
		...pages.map((url) => ({ url, revision: pageRevision }))
	];
}
