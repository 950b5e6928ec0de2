// `npm start` builds only when build/ is missing or older than what it is built from, so a restart
// on an existing installation is healthy in about a second instead of rebuilding every time. Two
// starts in one folder take turns through a lock instead of clobbering each other's build.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export const SOURCES = [
	'src',
	'static',
	'locales',
	'drizzle',
	'svelte.config.js',
	'vite.config.ts',
	'package.json',
	'package-lock.json'
];
const BUILT = join('build', 'handler.js');
const LOCK = join('.svelte-kit', 'start-build.lock');
// A lock older than this was left by a build that died; a real build takes about a minute.
const LOCK_EXPIRY_MS = 10 * 60_000;

/**
 * The latest modification time under `path` (a file or a folder, walked whole), 0 if absent.
 * @param {string} path
 * @returns {number}
 */
export function newestChange(path) {
	if (!existsSync(path)) return 0;
	const stat = statSync(path);
	if (!stat.isDirectory()) return stat.mtimeMs;
	let newest = stat.mtimeMs;
	for (const entry of readdirSync(path)) newest = Math.max(newest, newestChange(join(path, entry)));
	return newest;
}

/** Whether the build in `root` is missing or older than any of its sources. */
export function isStale(root = '.') {
	const built = join(root, BUILT);
	if (!existsSync(built)) return true;
	const builtAt = statSync(built).mtimeMs;
	return SOURCES.some((source) => newestChange(join(root, source)) > builtAt);
}

/** @param {number} ms */
function sleep(ms) {
	Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function takeLock() {
	mkdirSync('.svelte-kit', { recursive: true });
	for (;;) {
		try {
			mkdirSync(LOCK);
			return;
		} catch (error) {
			if (/** @type {NodeJS.ErrnoException} */ (error).code !== 'EEXIST') throw error;
			if (Date.now() - statSync(LOCK).mtimeMs > LOCK_EXPIRY_MS)
				rmSync(LOCK, { recursive: true, force: true });
			else sleep(500);
		}
	}
}

function buildIfStale() {
	if (!isStale()) return 0;
	takeLock();
	try {
		// Another start may have built while this one waited for the lock.
		if (!isStale()) return 0;
		return spawnSync('npm', ['run', 'build'], { stdio: 'inherit' }).status ?? 1;
	} finally {
		rmSync(LOCK, { recursive: true, force: true });
	}
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) process.exit(buildIfStale());
