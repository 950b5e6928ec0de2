import { sveltekit } from '@sveltejs/kit/vite';
import { cpSync, existsSync } from 'node:fs';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';

const postgres = Boolean(process.env.DATABASE_URL);

/**
 * Every page renders on the server only, so SvelteKit skips its client build and our page scripts
 * (imported with `?worker&url`) come out of the server build alone, where the adapter does not
 * look (sveltejs/kit#16929 fixes it in SvelteKit 3). Copied to the client's files before the
 * adapter publishes them.
 */
function publishPageScripts(): Plugin {
	let server = false;
	return {
		name: 'ventanilla:publish-page-scripts',
		apply: 'build',
		configResolved(config) {
			server = Boolean(config.build.ssr);
		},
		writeBundle: {
			sequential: true,
			handler() {
				const built = '.svelte-kit/output/server/_app/immutable/workers';
				if (server && existsSync(built)) {
					cpSync(built, '.svelte-kit/output/client/_app/immutable/workers', { recursive: true });
				}
			}
		}
	};
}

/**
 * Libraries made of many small modules, bundled into the server build: resolving each of their
 * files at start-up (a package.json read per file) cost a restart about half a second. PGlite
 * (which finds its WebAssembly beside its own module), the PostgreSQL driver and nodemailer stay
 * in node_modules. Only for the build: tests import the sources.
 */
const BUNDLED = [
	'drizzle-orm',
	'zod',
	'i18next',
	'libphonenumber-js',
	'colombian-holidays',
	'csv-parse',
	'csv-stringify',
	'minisearch',
	'ics',
	'@orama/stemmers'
];

export default defineConfig({
	plugins: [sveltekit(), publishPageScripts()],
	ssr: { noExternal: process.env.VITEST ? [] : BUNDLED },
	server: { port: 5173 },
	// Our page scripts ($lib/scripts, imported with `?worker&url`) are built as standalone ES
	// modules, each with what it imports, and loaded with <script type="module">.
	worker: { format: 'es' },
	test: {
		include: ['src/**/*.spec.ts', 'scripts/**/*.spec.ts'],
		environment: 'node',
		globalSetup: ['src/lib/server/testing/global-setup.ts'],
		// One PostgreSQL database is shared by every test file, so files take turns there.
		fileParallelism: !postgres,
		testTimeout: 30_000,
		hookTimeout: 60_000
	}
});
