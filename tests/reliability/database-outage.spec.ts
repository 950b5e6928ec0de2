// PostgreSQL crashes (pg_ctl stop -m immediate) for 8 s while four clients file petitions for
// 30 s: the app must stay up, answer 503 problem+json with Retry-After (never 500) while the
// database is gone, keep serving what needs no database, be ready again within 10 s of its
// return, and lose, repeat or send twice nothing.
import { mkdirSync, writeFileSync } from 'node:fs';
import postgres from 'postgres';
import { afterAll, describe, expect, it } from 'vitest';
import { startMailbox, type Mailbox } from '../../src/lib/server/testing/smtp';
import { postgresBin, startCluster, type Cluster } from '../support/postgres-cluster';
import { startServer, type AppServer } from '../support/servers';
import { filing, postJson } from './journeys';
import { report } from './report';

const APP_PORT = 4780;
const PG_PORT = 4781;
const LOAD_MS = 30_000;
const STOP_AT_MS = 7_000;
const OUTAGE_MS = 8_000;
const RUN = '31';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Answer {
	sentAt?: number;
	at: number;
	status: number;
	type: string;
	retryAfter: string | null;
}

async function get(url: string): Promise<Answer> {
	const response = await fetch(url, { headers: { 'accept-language': 'es' } });
	await response.arrayBuffer();
	return {
		at: Date.now(),
		status: response.status,
		type: response.headers.get('content-type') ?? '',
		retryAfter: response.headers.get('retry-after')
	};
}

let cluster: Cluster | undefined;
let server: AppServer | undefined;
let mailbox: Mailbox | undefined;
afterAll(async () => {
	try {
		// The server's own account of the run, for when an assertion fails.
		mkdirSync('test-results', { recursive: true });
		if (server) writeFileSync('test-results/database-outage-server.log', server.logs.join('\n'));
	} finally {
		await server?.kill9();
		await mailbox?.close();
		await cluster?.destroy();
	}
});

describe.skipIf(!postgresBin())('a PostgreSQL outage of 8 seconds under load', () => {
	it('answers 503 while it lasts, recovers on its own and loses or repeats nothing', async () => {
		cluster = await startCluster(PG_PORT);
		mailbox = await startMailbox();
		const smtpPort = String((mailbox.transport.options as { port: number }).port);
		server = await startServer({
			port: APP_PORT,
			databaseUrl: cluster.url,
			env: { SMTP_HOST: '127.0.0.1', SMTP_PORT: smtpPort }
		});
		const app = server;

		const started = Date.now();
		let loading = true;
		// From the moment pg_ctl says the server is down to the moment it is told to start again.
		const outage = { stopping: Infinity, down: Infinity, starting: Infinity, up: Infinity };
		const inOutage = (at: number) => at >= outage.down && at <= outage.starting;

		// Four citizens file petitions; a 503 is sent again with the same Idempotency-Key, as the
		// offline drafts do, until it is filed or the test ends.
		const acknowledged = new Map<string, string>();
		const filings: Answer[] = [];
		const networkErrors: string[] = [];
		let unfinished: { i: number; key: string }[] = [];
		let next = 0;
		const citizen = async () => {
			while (loading) {
				const i = next++;
				const key = `outage-${RUN}-${i}`;
				for (;;) {
					if (!loading) {
						unfinished.push({ i, key });
						return;
					}
					const sentAt = Date.now();
					try {
						const answer = await postJson(app, '/api/v1/radicados', filing(RUN, i), {
							'idempotency-key': key
						});
						filings.push({
							sentAt,
							at: Date.now(),
							status: answer.status,
							type: answer.type,
							retryAfter: answer.retryAfter
						});
						if (answer.status === 201) {
							acknowledged.set(answer.body!.number as string, answer.body!.securityCode as string);
							break;
						}
					} catch (error) {
						networkErrors.push(String(error));
					}
					await sleep(200);
				}
			}
		};

		// What needs no database, a page that does, readiness and liveness, polled all along.
		const pollers: Record<string, Answer[]> = {
			content: [],
			serviceWorker: [],
			staticFile: [],
			databasePage: [],
			health: [],
			live: []
		};
		const urls: Record<string, string> = {
			content: '/es/carta-de-trato-digno',
			serviceWorker: '/service-worker.js',
			staticFile: '/robots.txt',
			databasePage: '/es/indicadores',
			health: '/api/v1/health',
			live: '/api/v1/health/live'
		};
		const poll = async (name: string) => {
			while (loading) {
				try {
					pollers[name]!.push(await get(`${app.url}${urls[name]}`));
				} catch (error) {
					networkErrors.push(`${name}: ${String(error)}`);
				}
				await sleep(200);
			}
		};

		const load = Promise.all([
			...Array.from({ length: 4 }, citizen),
			...Object.keys(pollers).map(poll)
		]);
		await sleep(STOP_AT_MS);
		outage.stopping = Date.now();
		await cluster.stop('immediate');
		outage.down = Date.now();
		await sleep(OUTAGE_MS - (Date.now() - outage.stopping));
		outage.starting = Date.now();
		await cluster.start();
		outage.up = Date.now();
		await sleep(LOAD_MS - (Date.now() - started));
		loading = false;
		await load;

		// Petitions cut off by the end of the load are sent again until filed, as a client would.
		for (const { i, key } of unfinished) {
			const answer = await postJson(app, '/api/v1/radicados', filing(RUN, i), {
				'idempotency-key': key
			});
			expect(answer.status).toBe(201);
			acknowledged.set(answer.body!.number as string, answer.body!.securityCode as string);
		}
		unfinished = [];

		// The process lived through it.
		expect(app.process.exitCode).toBeNull();
		expect(app.process.signalCode).toBeNull();
		expect(networkErrors).toEqual([]);

		// Every refused filing was a 503 problem+json with Retry-After; there were some.
		const refused = filings.filter((a) => a.status !== 201);
		expect(refused.length).toBeGreaterThan(0);
		expect(
			refused.filter(
				(a) => a.status !== 503 || !a.type.startsWith('application/problem+json') || !a.retryAfter
			)
		).toEqual([]);
		// Nothing sent while the database was down was filed before it came back.
		expect(
			filings.filter((a) => inOutage(a.sentAt!) && inOutage(a.at) && a.status === 201)
		).toEqual([]);

		// What needs no database was served all along; the page that needs it said 503 in HTML.
		for (const name of ['content', 'serviceWorker', 'staticFile', 'live']) {
			const answers = pollers[name]!;
			expect(answers.filter((a) => inOutage(a.at)).length, name).toBeGreaterThan(0);
			expect(
				answers.filter((a) => a.status !== 200).map((a) => a.status),
				name
			).toEqual([]);
		}
		const pageDuringOutage = pollers.databasePage!.filter((a) => inOutage(a.at));
		expect(pageDuringOutage.length).toBeGreaterThan(0);
		for (const answer of pollers.databasePage!.filter((a) => a.status !== 200)) {
			expect(answer).toMatchObject({ status: 503, type: expect.stringMatching(/^text\/html/) });
			expect(answer.retryAfter).toBeTruthy();
		}
		expect(pageDuringOutage.some((a) => a.status === 503)).toBe(true);

		// Readiness said 503 during the outage and 200 again within 10 s of the database's return.
		const health = pollers.health!;
		expect(health.some((a) => inOutage(a.at) && a.status === 503)).toBe(true);
		expect(health.filter((a) => a.status !== 200 && a.status !== 503)).toEqual([]);
		const ready = health.find((a) => a.at > outage.up && a.status === 200);
		expect(ready).toBeDefined();
		const recoverySeconds = (ready!.at - outage.up) / 1000;
		expect(recoverySeconds).toBeLessThan(10);
		const firstFiled = filings.find((a) => a.at > outage.up && a.status === 201);
		expect(firstFiled).toBeDefined();

		// Every acknowledged petition is found by its number and code; numbers have no gap and
		// no petition was filed twice for one key.
		let found = 0;
		for (const [number, securityCode] of acknowledged) {
			const answer = await postJson(app, '/api/v1/radicados/lookup', { number, securityCode });
			if (answer.status === 200) found++;
		}
		expect(found).toBe(acknowledged.size);
		const sql = postgres(cluster.url, { max: 1, onnotice: () => {} });
		try {
			const numbers = (
				await sql<{ number: string }[]>`select number from radicados order by number`
			).map((r) => r.number);
			const sequence = numbers.map((n) => Number(n.split('-')[2]));
			expect(sequence).toEqual(sequence.map((_, i) => i + 1));
			expect(numbers.length).toBe(acknowledged.size);

			// The outbox sends each receipt once: wait until none is pending, then count.
			const deadline = Date.now() + 120_000;
			let pending = Infinity;
			while (pending > 0 && Date.now() < deadline) {
				const [row] = await sql<{ n: number }[]>`
					select count(*)::int as n from outbox where status <> 'sent'`;
				pending = row!.n;
				if (pending > 0) await sleep(250);
			}
			expect(pending).toBe(0);
			await sleep(1000);
			// Each filing queues the citizen's receipt and the desk's notice of a new petition.
			const kinds = await sql<{ kind: string; n: number }[]>`
				select kind, count(*)::int as n from outbox group by kind`;
			const rowsOf = (kind: string) => kinds.find((k) => k.kind === kind)?.n ?? 0;
			const outboxRows = kinds.reduce((sum, k) => sum + k.n, 0);
			const messages = mailbox.messages.map((m) =>
				JSON.stringify([(m.to as { text: string } | undefined)?.text, m.subject])
			);
			const duplicates = messages.length - new Set(messages).size;
			expect(rowsOf('radicado.filed')).toBe(acknowledged.size);
			expect(rowsOf('radicado.new')).toBe(acknowledged.size);
			expect(outboxRows).toBe(2 * acknowledged.size);
			expect(mailbox.messages).toHaveLength(outboxRows);
			expect(duplicates).toBe(0);

			const statuses = (answers: Answer[]) =>
				answers.reduce<Record<string, number>>((all, a) => {
					all[a.status] = (all[a.status] ?? 0) + 1;
					return all;
				}, {});
			report('database-outage', {
				loadSeconds: LOAD_MS / 1000,
				outageSeconds: (outage.up - outage.stopping) / 1000,
				filingRequests: filings.length,
				filingStatuses: statuses(filings),
				filingStatusesDuringOutage: statuses(filings.filter((a) => inOutage(a.at))),
				acknowledged: acknowledged.size,
				foundByNumberAndCode: found,
				stored: numbers.length,
				numberGaps: sequence.at(-1)! - sequence.length,
				emailsSent: mailbox.messages.length,
				emailDuplicates: duplicates,
				contentRequests:
					pollers.content!.length + pollers.serviceWorker!.length + pollers.staticFile!.length,
				databasePageStatuses: statuses(pollers.databasePage!),
				healthStatuses: statuses(health),
				liveStatuses: statuses(pollers.live!),
				secondsToReady: recoverySeconds,
				secondsToFirstFiling: (firstFiled!.at - outage.up) / 1000,
				processAlive: app.process.exitCode === null
			});
		} finally {
			await sql.end();
		}
	});
});

if (!postgresBin()) {
	console.warn('No PostgreSQL server binaries: the database outage test is skipped.');
}
