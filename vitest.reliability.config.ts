import { defineConfig } from 'vitest/config';

// The reliability suite drives the production build (build/) in child processes: fuzzing,
// scale-out, kill -9, headers, logs. Files run one after another: they start servers and share
// the PostgreSQL database named by POSTGRES_TEST_URL.
export default defineConfig({
	test: {
		include: ['tests/reliability/**/*.spec.ts'],
		environment: 'node',
		fileParallelism: false,
		testTimeout: 180_000,
		hookTimeout: 120_000
	}
});
