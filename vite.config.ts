import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

const postgres = Boolean(process.env.DATABASE_URL);

export default defineConfig({
	plugins: [sveltekit()],
	server: { port: 5173 },
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
