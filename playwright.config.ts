import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './tests/support/chromium.js';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const PORT = Number(process.env.E2E_PORT ?? 4173);
// Helpers running suites side by side pick other ports with E2E_PORT, E2E_SMTP_PORT, E2E_MAILBOX_PORT.
const SMTP_PORT = Number(process.env.E2E_SMTP_PORT ?? PORT + 10);
const MAILBOX_PORT = Number(process.env.E2E_MAILBOX_PORT ?? PORT + 11);
process.env.E2E_MAILBOX_URL = `http://127.0.0.1:${MAILBOX_PORT}`;
const dataDir = process.env.E2E_DATA_DIR ?? mkdtempSync(join(tmpdir(), 'ventanilla-e2e-'));

export default defineConfig({
	testDir: 'tests/e2e',
	outputDir: 'test-results/e2e-artifacts',
	// One server and one database: tests take turns so each can start from a clean database.
	workers: 1,
	fullyParallel: false,
	// A journey that fails once is run once more and, if it passes, reported as flaky by name at the
	// end of `npm test` (scripts/test.js), so a real failure still fails and a wobble stays visible.
	retries: 1,
	// Generous, for a busy two-core machine: tests wait for states, never for fixed times, so a
	// longer limit only changes how long a real failure takes to show.
	timeout: 60_000,
	expect: { timeout: 10_000 },
	reporter: 'list',
	use: {
		baseURL: `http://localhost:${PORT}`,
		locale: 'es-CO',
		timezoneId: 'America/Bogota',
		// A service worker would keep pages between tests; tests/e2e/offline.spec.ts allows it.
		serviceWorkers: 'block',
		launchOptions: {
			executablePath: CHROMIUM_PATH,
			args: CHROMIUM_ARGS
		}
	},
	webServer: [
		{
			command: 'node tests/support/mailbox.js',
			url: `http://127.0.0.1:${MAILBOX_PORT}/health`,
			reuseExistingServer: false,
			env: { E2E_SMTP_PORT: String(SMTP_PORT), E2E_MAILBOX_PORT: String(MAILBOX_PORT) }
		},
		{
			command: 'node scripts/start.js',
			url: `http://localhost:${PORT}/api/v1/health`,
			reuseExistingServer: false,
			timeout: 60_000,
			env: {
				PORT: String(PORT),
				HOST: '127.0.0.1',
				ORIGIN: `http://localhost:${PORT}`,
				DATA_DIR: dataDir,
				VENTANILLA_TEST_MODE: '1',
				DATABASE_URL: process.env.E2E_DATABASE_URL ?? '',
				SMTP_HOST: '127.0.0.1',
				SMTP_PORT: String(SMTP_PORT),
				SMTP_FROM: 'Ventanilla <no-responder@demo.ventanilla.gov.co>',
				WORKER_INTERVAL_MS: '300'
			}
		}
	]
});
