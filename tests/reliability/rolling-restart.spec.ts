// A rolling restart of two instances behind a load balancer, under a filing load: SIGTERM one,
// start it again, then the other. The balancer is modelled on a common proxy set-up: it sends a
// request to an instance its health check finds ready, and passes it to the other one only when
// the connection is refused or closed before any answer (HAProxy's `retry-on conn-failure
// empty-response`, safe here because every filing carries an Idempotency-Key). Every request must
// end in 201, and every acknowledged petition must be stored once.
import { request as httpRequest } from 'node:http';
import postgres from 'postgres';
import { afterAll, describe, expect, it } from 'vitest';
import {
	PORT_OFFSET,
	POSTGRES_URL,
	blankPostgres,
	startServer,
	type AppServer
} from '../support/servers';
import { filing, postJson } from './journeys';
import { report } from './report';

const PORTS = [4782, 4783];
const RUN = '32';
const SHUTDOWN_TIMEOUT = 10;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Reply {
	status: number;
	body: Record<string, unknown> | undefined;
}

/** One request on a connection of its own, as a proxy without upstream keep-alive sends it. */
function post(port: number, path: string, body: unknown, key: string): Promise<Reply> {
	return new Promise((resolve, reject) => {
		const payload = JSON.stringify(body);
		const req = httpRequest(
			{
				host: '127.0.0.1',
				// startServer moved the instance by E2E_PORT − 4173.
				port: port + PORT_OFFSET,
				method: 'POST',
				path,
				agent: false,
				headers: {
					'content-type': 'application/json',
					'content-length': Buffer.byteLength(payload),
					'idempotency-key': key
				}
			},
			(res) => {
				let text = '';
				res.setEncoding('utf8');
				res.on('data', (chunk: string) => (text += chunk));
				res.on('end', () => {
					let parsed: Record<string, unknown> | undefined;
					try {
						parsed = JSON.parse(text) as Record<string, unknown>;
					} catch {
						parsed = undefined;
					}
					resolve({ status: res.statusCode ?? 0, body: parsed });
				});
				res.on('error', reject);
			}
		);
		req.on('error', reject);
		req.end(payload);
	});
}

async function ready(port: number): Promise<boolean> {
	try {
		const response = await fetch(`http://127.0.0.1:${port + PORT_OFFSET}/api/v1/health`, {
			signal: AbortSignal.timeout(1000)
		});
		await response.arrayBuffer();
		return response.status === 200;
	} catch {
		return false;
	}
}

interface Sent {
	port: number;
	done: boolean;
	status?: number;
}

const servers = new Map<number, AppServer>();
afterAll(async () => {
	await Promise.all([...servers.values()].map((s) => s.kill9()));
});

describe.skipIf(!POSTGRES_URL)('a rolling restart of two instances under load', () => {
	it('fails no request and loses nothing', async () => {
		const url = POSTGRES_URL!;
		await blankPostgres(url);
		const start = async (port: number) => {
			const server = await startServer({
				port,
				databaseUrl: url,
				env: { SHUTDOWN_TIMEOUT: String(SHUTDOWN_TIMEOUT) }
			});
			servers.set(port, server);
			return server;
		};
		for (const port of PORTS) await start(port);

		// The balancer's view: which instances its health check found ready.
		const up = new Map(PORTS.map((port) => [port, true]));
		let running = true;
		const checks = (async () => {
			while (running) {
				await Promise.all(PORTS.map(async (port) => up.set(port, await ready(port))));
				await sleep(100);
			}
		})();

		const inFlight = new Set<Sent>();
		const statuses: Record<string, number> = {};
		const failures: string[] = [];
		const acknowledged = new Map<string, string>();
		let passedOn = 0;
		let turn = 0;
		const send = async (i: number): Promise<void> => {
			const key = `rolling-${RUN}-${i}`;
			for (let attempt = 0; attempt < 20; attempt++) {
				const ports = PORTS.filter((port) => up.get(port));
				if (ports.length === 0) {
					await sleep(50);
					continue;
				}
				const port = ports[turn++ % ports.length]!;
				const sent: Sent = { port, done: false };
				inFlight.add(sent);
				try {
					const reply = await post(port, '/api/v1/radicados', filing(RUN, i), key);
					sent.status = reply.status;
					statuses[reply.status] = (statuses[reply.status] ?? 0) + 1;
					if (reply.status === 201) {
						acknowledged.set(reply.body!.number as string, reply.body!.securityCode as string);
					} else {
						failures.push(`${i}: ${reply.status} ${JSON.stringify(reply.body)}`);
					}
					return;
				} catch (error) {
					const code = (error as { code?: string }).code;
					// Refused, or closed before any answer: the balancer tries the other instance.
					if (code !== 'ECONNREFUSED' && code !== 'ECONNRESET') {
						failures.push(`${i}: ${String(error)}`);
						return;
					}
					up.set(port, false);
					passedOn++;
				} finally {
					sent.done = true;
					inFlight.delete(sent);
				}
			}
			failures.push(`${i}: no instance took it`);
		};
		let next = 0;
		const clients = Array.from({ length: 4 }, async () => {
			while (running) await send(next++);
		});

		const restarts: Record<string, unknown>[] = [];
		const restart = async (port: number) => {
			await sleep(3000);
			const server = servers.get(port)!;
			const caught = [...inFlight].filter((s) => s.port === port);
			const signalled = Date.now();
			server.process.kill('SIGTERM');
			const code = await server.exited;
			const exitSeconds = (Date.now() - signalled) / 1000;
			expect(code).toBe(0);
			expect(exitSeconds).toBeLessThan(SHUTDOWN_TIMEOUT);
			const stopped = server.logs.some((line) => line.includes('"msg":"stopped"'));
			expect(stopped).toBe(true);
			const restarting = Date.now();
			await start(port);
			restarts.push({
				port,
				inFlightAtSigterm: caught.length,
				finishedThereWith201: caught.filter((s) => s.status === 201).length,
				secondsToExit: exitSeconds,
				secondsToServeAgain: (Date.now() - restarting) / 1000
			});
		};
		await restart(PORTS[0]!);
		await restart(PORTS[1]!);
		await sleep(3000);
		running = false;
		await Promise.all(clients);
		await checks;

		expect(failures).toEqual([]);
		expect(Object.keys(statuses)).toEqual(['201']);

		// Every acknowledged petition is stored once and found by its number and code.
		const sql = postgres(url, { max: 1, onnotice: () => {} });
		let numbers: string[];
		try {
			numbers = (await sql<{ number: string }[]>`select number from radicados order by number`).map(
				(r) => r.number
			);
		} finally {
			await sql.end();
		}
		expect(numbers.length).toBe(acknowledged.size);
		expect(new Set(numbers)).toEqual(new Set(acknowledged.keys()));
		const sequence = numbers.map((n) => Number(n.split('-')[2]));
		expect(sequence).toEqual(sequence.map((_, i) => i + 1));
		let found = 0;
		for (const [number, securityCode] of acknowledged) {
			const answer = await postJson(servers.get(PORTS[0]!)!, '/api/v1/radicados/lookup', {
				number,
				securityCode
			});
			if (answer.status === 200) found++;
		}
		expect(found).toBe(acknowledged.size);

		report('rolling-restart', {
			requests: Object.values(statuses).reduce((a, b) => a + b, 0) + passedOn,
			statuses,
			passedToTheOtherInstance: passedOn,
			failed: failures.length,
			acknowledged: acknowledged.size,
			stored: numbers.length,
			foundByNumberAndCode: found,
			restarts
		});
	});
});

if (!POSTGRES_URL) {
	console.warn('POSTGRES_TEST_URL is unset: the rolling restart test is skipped.');
}
