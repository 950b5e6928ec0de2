// `npm run i18n:coverage`: the share of Wayuunaiki texts reviewed, draft and missing, per
// namespace and per kind of content, and the minutes of reviewed recordings, read from the
// database (DATABASE_URL, or the embedded one in DATA_DIR: stop the app first) — the numbers the
// accessibility page and GET /api/v1/languages publish.
import { resolve } from 'node:path';
import { createServer } from 'vite';

// Vite loads the server modules as the app does ($lib paths, locale files), without starting a server.
const vite = await createServer({
	configFile: false,
	logLevel: 'error',
	appType: 'custom',
	server: { middlewareMode: true, hmr: false, ws: false },
	resolve: { alias: { $lib: resolve('src/lib'), $locales: resolve('locales') } },
	optimizeDeps: { noDiscovery: true, include: [] }
});
try {
	const { coverageReport } = await vite.ssrLoadModule('/src/lib/server/translations/cli.ts');
	console.log(await coverageReport());
} catch (error) {
	console.error(error instanceof Error ? error.message : error);
	process.exitCode = 1;
} finally {
	await vite.close();
}
