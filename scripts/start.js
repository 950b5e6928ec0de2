// Serves the built app with safe local defaults; every value can be overridden by the environment.
// A plain Node server around adapter-node's handler, so pages go out compressed: on a prepaid
// phone plan the HTML weighs three to five times less.
import compression from 'compression';
import { createServer } from 'node:http';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { Worker } from 'node:worker_threads';

// A bad setting stops the start with one line that names it (src/lib/server/config.ts). Checked on
// a thread that ends with the check: loading a .ts file keeps Node's TypeScript stripper in the
// memory of the thread that loaded it, about 20 MB for the life of the server.
const settings = new URL('../src/lib/server/config.ts', import.meta.url).href;
const problem = await new Promise((resolve, reject) => {
	const check = new Worker(
		`const { parentPort } = require('node:worker_threads');
		import(${JSON.stringify(settings)})
			.then(({ readConfig }) => (readConfig(process.env, { serving: true }), null))
			.catch((error) => {
				if (error?.name !== 'ConfigError') throw error;
				return error.message;
			})
			.then((problem) => parentPort.postMessage(problem));`,
		{ eval: true }
	);
	check.once('message', resolve);
	check.once('error', reject);
});
if (problem) {
	console.error(problem);
	process.exit(1);
}

process.env.PORT ??= '3000';
process.env.HOST ??= '0.0.0.0';
// adapter-node assumes https when no ORIGIN is given, which would reject local form posts.
process.env.ORIGIN ??= `http://localhost:${process.env.PORT}`;
// Petitions may carry up to three 5 MB attachments; adapter-node's default limit is 512 KB.
process.env.BODY_SIZE_LIMIT ??= '16M';
// As adapter-node: seconds a SIGTERM lets requests in flight finish before cutting them off.
const shutdownTimeout = Number.parseInt(process.env.SHUTDOWN_TIMEOUT ?? '30', 10);

function log(level, msg, fields = {}) {
	const line = JSON.stringify({ time: new Date().toISOString(), level, msg, ...fields });
	(level === 'error' ? process.stderr : process.stdout).write(line + '\n');
}

// A promise nobody awaited (a driver's, say) is logged; it is no reason to drop every request.
process.on('unhandledRejection', (reason) => {
	log('error', 'unhandled rejection', {
		error: reason instanceof Error ? reason.name : typeof reason,
		errorCode: typeof reason?.code === 'string' ? reason.code : undefined
	});
});

const { handler } = await import('../build/handler.js');
// Loading the app and opening, migrating and seeding the database (all done by the import above)
// leave garbage that an idle server keeps: V8 collects as it allocates, and an idle server
// allocates little. Collected once here, as the database thread does after opening (resident
// memory idle after a restart: 236–250 MB before, 229–237 after).
setFlagsFromString('--expose-gc');
runInNewContext('gc')();
const compress = compression({ threshold: 1024 });

let stopping = false;
const server = createServer((request, response) => {
	// A kept-alive connection may bring one more request after close(): answer it, then close.
	if (stopping) response.setHeader('connection', 'close');
	response.once('finish', () => {
		if (stopping) server.closeIdleConnections();
	});
	// Static files (served by adapter-node before the app's hooks) must not be sniffed into
	// another type either; the app's own answers set it again.
	response.setHeader('x-content-type-options', 'nosniff');
	compress(request, response, () => handler(request, response));
});
server.listen(Number(process.env.PORT), process.env.HOST, () => {
	console.log(`Listening on http://${process.env.HOST}:${process.env.PORT}`);
});

/**
 * Stops accepting connections, lets the requests in flight finish (cut off after
 * SHUTDOWN_TIMEOUT seconds), then emits `sveltekit:shutdown` as adapter-node does: the app stops
 * its worker after the current task and closes the database, and the process ends by itself.
 */
function stop(signal) {
	if (stopping) return;
	stopping = true;
	log('info', 'shutting down', { signal });
	const cutOff = setTimeout(() => server.closeAllConnections(), shutdownTimeout * 1000);
	server.close(() => {
		clearTimeout(cutOff);
		process.emit('sveltekit:shutdown', signal);
		// Whatever still holds the process after its database closed must not keep it up.
		setTimeout(() => process.exit(0), 10_000).unref();
	});
	server.closeIdleConnections();
}
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
