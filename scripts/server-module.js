// Loads one of the app's server modules as the app does ($lib paths, locale files) through Vite,
// without starting a server, runs `use` with it and prints what it returns; an error is printed
// and sets the exit code.
import { resolve } from 'node:path';
import { createServer } from 'vite';

export async function withServerModule(path, use) {
	const vite = await createServer({
		configFile: false,
		logLevel: 'error',
		appType: 'custom',
		server: { middlewareMode: true, hmr: false, ws: false },
		resolve: { alias: { $lib: resolve('src/lib'), $locales: resolve('locales') } },
		optimizeDeps: { noDiscovery: true, include: [] }
	});
	try {
		console.log(await use(await vite.ssrLoadModule(path)));
	} catch (error) {
		console.error(error instanceof Error ? error.message : error);
		process.exitCode = 1;
	} finally {
		await vite.close();
	}
}
