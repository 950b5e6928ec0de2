// Serves the built app with safe local defaults; every value can be overridden by the environment.
// A plain Node server around adapter-node's handler, so pages go out compressed: on a prepaid
// phone plan the HTML weighs three to five times less.
import compression from 'compression';
import { createServer } from 'node:http';

// A bad setting stops the start with one line that names it (src/lib/server/config.ts).
try {
	const { readConfig } = await import('../src/lib/server/config.ts');
	readConfig(process.env, { serving: true });
} catch (error) {
	if (error?.name !== 'ConfigError') throw error;
	console.error(error.message);
	process.exit(1);
}

process.env.PORT ??= '3000';
process.env.HOST ??= '0.0.0.0';
// adapter-node assumes https when no ORIGIN is given, which would reject local form posts.
process.env.ORIGIN ??= `http://localhost:${process.env.PORT}`;
// Petitions may carry up to three 5 MB attachments; adapter-node's default limit is 512 KB.
process.env.BODY_SIZE_LIMIT ??= '16M';

const { handler } = await import('../build/handler.js');
const compress = compression({ threshold: 1024 });

const server = createServer((request, response) =>
	compress(request, response, () => handler(request, response))
);
server.listen(Number(process.env.PORT), process.env.HOST, () => {
	console.log(`Listening on http://${process.env.HOST}:${process.env.PORT}`);
});

function stop() {
	server.close(() => process.exit(0));
	server.closeIdleConnections();
	setTimeout(() => process.exit(0), 5000).unref();
}
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
