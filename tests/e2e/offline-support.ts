// Helpers shared by the journeys that need the service worker (offline*.spec.ts).
import type { Page } from '@playwright/test';
import {
	createServer,
	request as forward,
	type IncomingHttpHeaders,
	type IncomingMessage,
	type ServerResponse
} from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect } from './fixtures';

/** Opens a page and waits until the service worker is installed and controls it. */
export async function openControlled(page: Page, path: string): Promise<void> {
	await page.goto(path);
	await page.evaluate(() => navigator.serviceWorker.ready);
	await expect
		.poll(() => page.evaluate(() => Boolean(navigator.serviceWorker.controller)))
		.toBe(true);
}

export interface ProxyOptions {
	/** Answers some requests itself (a stand-in for an endpoint); true when it did. */
	own?: (incoming: IncomingMessage, outgoing: ServerResponse) => boolean;
	/**
	 * Lets a request reach the app, then drops the connection before the answer arrives, as on a
	 * weak signal: the app did the work, the phone never hears about it.
	 */
	dropAnswer?: (incoming: IncomingMessage) => boolean;
}

/**
 * A front server that passes every request to the app. After deploy() it serves a service worker
 * with other bytes, as the next build would: the browser sees a new version, like after a release.
 */
export async function deploymentProxy(target: string, options: ProxyOptions = {}) {
	let deployment = 1;
	const dropped: string[] = [];
	const server = createServer((incoming, outgoing) => {
		if (options.own?.(incoming, outgoing)) return;
		const headers: IncomingHttpHeaders = { ...incoming.headers, host: new URL(target).host };
		// Plain bodies, so the service worker can be changed without recompressing it.
		delete headers['accept-encoding'];
		// A new deployment never answers 304 for its new service worker.
		if (deployment > 1) {
			delete headers['if-none-match'];
			delete headers['if-modified-since'];
		}
		const drop = options.dropAnswer?.(incoming) ?? false;
		const upstream = forward(
			new URL(incoming.url!, target),
			{ method: incoming.method, headers },
			(answer) => {
				if (drop) {
					answer.resume();
					answer.on('end', () => {
						dropped.push(`${incoming.method} ${incoming.url}`);
						outgoing.socket?.destroy();
					});
					return;
				}
				if (deployment === 1 || !incoming.url!.startsWith('/service-worker.js')) {
					outgoing.writeHead(answer.statusCode!, answer.headers);
					answer.pipe(outgoing);
					return;
				}
				const chunks: Buffer[] = [];
				answer.on('data', (chunk: Buffer) => chunks.push(chunk));
				answer.on('end', () => {
					const body = Buffer.concat([...chunks, Buffer.from(`\n// deployment ${deployment}\n`)]);
					const headers = { ...answer.headers, 'content-length': String(body.length) };
					delete headers.etag;
					delete headers['last-modified'];
					outgoing.writeHead(answer.statusCode!, headers);
					outgoing.end(body);
				});
			}
		);
		incoming.pipe(upstream);
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://localhost:${port}`,
		/** Requests whose answers were dropped, as "METHOD /path". */
		dropped,
		deploy: () => (deployment += 1),
		close: () =>
			new Promise<void>((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			})
	};
}
