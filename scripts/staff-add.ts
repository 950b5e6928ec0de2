// Creates a staff account, or gives an existing one a new password and roles (its sessions end):
//   npm run staff:add -- --email ana@entidad.gov.co --role agent [--role translator …]
// Roles: agent, admin, translator, reviewer, editor, reserved (repeat --role, or separate with commas).
// The password comes from STAFF_PASSWORD, or a random one is printed once. Uses DATABASE_URL, or
// the embedded database in DATA_DIR (stop the app first: PGlite opens its files in one process).
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createServer } from 'vite';

const { values } = parseArgs({
	options: {
		email: { type: 'string' },
		role: { type: 'string', multiple: true, default: ['agent'] }
	}
});
if (!values.email) {
	console.error('Usage: npm run staff:add -- --email ana@entidad.gov.co --role agent [--role …]');
	process.exit(2);
}
const generated = !process.env.STAFF_PASSWORD;
const password = process.env.STAFF_PASSWORD ?? randomBytes(18).toString('base64url');

// Vite loads the server modules as the app does ($lib paths, locale files), without starting a server.
const vite = await createServer({
	configFile: false,
	logLevel: 'error',
	appType: 'custom',
	server: { middlewareMode: true, hmr: false, ws: false },
	resolve: { alias: { $lib: resolve('src/lib') } },
	optimizeDeps: { noDiscovery: true, include: [] }
});
try {
	const { addFromCommandLine } = await vite.ssrLoadModule('/src/lib/server/staff/cli.ts');
	const result = await addFromCommandLine({ email: values.email, roles: values.role, password });
	console.log(
		`${result.created ? 'Created' : 'Updated'} ${result.email} (${result.roles.join(', ')}).` +
			(generated ? `\nPassword (shown once, give it to the official in person): ${password}` : '')
	);
} catch (error) {
	console.error((error as Error).message);
	process.exitCode = 1;
} finally {
	await vite.close();
}
