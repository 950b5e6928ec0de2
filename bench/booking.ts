// `npm run bench:booking`: a rush on the database's paths, for one engine, against the built app:
// the floor (`GET /api/v1/health`: HTTP and one query), the slot list, bookings and radicado
// look-ups from 32 clients, each request from its own client address; then the database ceiling:
// the booking's statement (vt_book) sent straight to a fresh database of the same engine, from one
// process, with the same driver and the same 32 clients. Checks that no slot ended over its
// capacity. Writes bench/booking-results.json (by engine); `npm run bench:check` reads it.
//
// BENCH_DATABASE_URL=postgres://… runs it on PostgreSQL (the database is emptied first: give it
// one of its own); otherwise on the embedded database in a temporary folder. BENCH_SECONDS (8) per
// measurement, after BENCH_WARMUP_SECONDS (2) of the same requests, not counted (a server under a
// rush has been serving: its code is compiled, as it is not in its first second; the first quarter
// of the places warms the bookings, on the app and on the ceiling alike). Bookings take every
// place BENCH_BOOKING_ROUNDS (5) times, the app's database reset between rounds (test mode) and
// the ceiling's made afresh, so that a fast engine's figure covers seconds, not a fraction of one;
// the capacity check reads the last round's. BENCH_CONCURRENCY (32),
// BENCH_PORT (a free one). BENCH_APP_DIR runs another build (say, an older commit's) with this
// bench; BENCH_LABEL files its figures under that name.
import { PGlite } from '@electric-sql/pglite';
import autocannon from 'autocannon';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import postgres from 'postgres';
import {
	bookingOf,
	freePort,
	percentile,
	postJson,
	startBuiltApp,
	stopApp,
	waitUntilUp
} from './support.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const WARMUP_SECONDS = Number(process.env.BENCH_WARMUP_SECONDS ?? 2);
const ROUNDS = Math.max(1, Number(process.env.BENCH_BOOKING_ROUNDS ?? 5));
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 32);
const URL = process.env.BENCH_DATABASE_URL ?? '';
const ENGINE = URL ? 'postgres' : 'pglite';
const APP_DIR = resolve(process.env.BENCH_APP_DIR ?? '.');
const LABEL = process.env.BENCH_LABEL ?? 'current';
const RESULTS = 'bench/booking-results.json';
// A Monday that is not a holiday: the app's clock (test mode), so every run offers the same slots.
const NOW = '2030-02-04T07:00:00-05:00';
// The app's settings for PGlite (src/lib/server/db/index.ts), for the ceiling's own database.
const EMBEDDED_SETTINGS = ['shared_buffers=16MB'];

if (!existsSync(join(APP_DIR, 'build/index.js'))) {
	console.error(`No build found in ${APP_DIR}: run \`npm run build\` first.`);
	process.exit(1);
}

interface Figures {
	requestsPerSecond: number;
	p50Ms: number;
	p95Ms: number;
	p99Ms: number;
	statuses: Record<string, number>;
	/** The 1-minute load average before and after: the machine is shared. */
	load: [number, number];
	/** What the warm-up before the measurement answered (not in the figures). */
	warmupStatuses?: Record<string, number>;
	/** CPU time per call, ms: where the machine's two cores went (see `cpuNow`). */
	cpuMsPerCall?: Cpu & { rest: number };
}

/**
 * CPU time used so far, ms: the whole machine's (every core), the app's (every thread; the
 * embedded database's included) and this process's (the clients; the ceiling's driver, and its
 * embedded database). The rest of the machine's is the database server's on PostgreSQL. The
 * server, its database and the clients share this machine's cores, so the rates follow from it.
 * The kernel counts a process's time exactly and the machine's by ticks: on PGlite, where nothing
 * else runs, the rest reads a few hundredths of a millisecond either side of zero.
 */
interface Cpu {
	machine: number;
	app: number;
	bench: number;
}

// /proc counts in clock ticks: 100 per second on Linux (USER_HZ).
const TICK_MS = 10;
const PROC = existsSync('/proc/stat');
let appPid: number | undefined;

function cpuNow(): Cpu | undefined {
	if (!PROC) return undefined;
	// The first line: user nice system idle iowait irq softirq …; all but idle and iowait is work.
	const stat = readFileSync('/proc/stat', 'utf8');
	const [user, nice, system, , , irq, softirq] = stat
		.slice(0, stat.indexOf('\n'))
		.trim()
		.split(/\s+/)
		.slice(1)
		.map(Number);
	const own = process.cpuUsage();
	return {
		machine: (user! + nice! + system! + irq! + softirq!) * TICK_MS,
		app: appPid === undefined ? 0 : processCpuMs(appPid),
		bench: (own.user + own.system) / 1000
	};
}

/** A process's user and system time, ms (proc(5): utime and stime, after the command's name). */
function processCpuMs(pid: number): number {
	const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
	const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
	return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
}

/** `a` plus `sign` times `b`, part by part. */
function cpuPlus(a: Cpu, b: Cpu, sign = 1): Cpu {
	return {
		machine: a.machine + sign * b.machine,
		app: a.app + sign * b.app,
		bench: a.bench + sign * b.bench
	};
}

function cpuSince(before: Cpu | undefined): Cpu | undefined {
	const now = cpuNow();
	return before && now ? cpuPlus(now, before, -1) : undefined;
}

const load1 = () => Number(loadavg()[0]!.toFixed(2));

function figures(
	times: number[],
	seconds: number,
	statuses: Record<string, number>,
	load: number,
	cpu?: Cpu
): Figures {
	times.sort((a, b) => a - b);
	const perCall = (ms: number) => Number((ms / Math.max(1, times.length)).toFixed(2));
	return {
		requestsPerSecond: Math.round(times.length / seconds),
		p50Ms: Number(percentile(times, 50).toFixed(1)),
		p95Ms: Number(percentile(times, 95).toFixed(1)),
		p99Ms: Number(percentile(times, 99).toFixed(1)),
		statuses,
		load: [load, load1()] as [number, number],
		...(cpu
			? {
					cpuMsPerCall: {
						machine: perCall(cpu.machine),
						app: perCall(cpu.app),
						bench: perCall(cpu.bench),
						rest: perCall(cpu.machine - cpu.app - cpu.bench)
					}
				}
			: {})
	};
}

function show(title: string, f: Figures): Figures {
	console.log(
		`${title.padEnd(24)} ${String(f.requestsPerSecond).padStart(5)} req/s  p50 ${f.p50Ms} ms  p95 ${f.p95Ms} ms  p99 ${f.p99Ms} ms  ${JSON.stringify(f.statuses)}  load ${f.load.join(' → ')}`
	);
	const cpu = f.cpuMsPerCall;
	if (cpu) {
		console.log(
			`${''.padEnd(24)} CPU per call: machine ${cpu.machine} ms = app ${cpu.app} + bench ${cpu.bench} + other processes ${cpu.rest}${ENGINE === 'postgres' ? " (PostgreSQL's server)" : ''}`
		);
	}
	return f;
}

/** What one rush measured, before its figures: rushes one after another merge into one figure. */
interface Sample {
	times: number[];
	seconds: number;
	statuses: Record<string, number>;
	/** The load average before it. */
	load: number;
	cpu?: Cpu;
}

/**
 * `send` from CONCURRENCY clients for `seconds`, or until the call numbered `to`, numbering calls
 * from `from`; each call answers a status (or an outcome).
 */
async function rush(
	send: (n: number) => Promise<number | string>,
	{ from = 0, to = Infinity, seconds = SECONDS } = {}
): Promise<{ sample: Sample; next: number }> {
	const times: number[] = [];
	const statuses: Record<string, number> = {};
	const load = load1();
	const cpu = cpuNow();
	let sequence = from;
	const began = performance.now();
	const stopAt = began + seconds * 1000;
	async function client() {
		while (performance.now() < stopAt && sequence < to) {
			const sent = performance.now();
			const status = await send(sequence++);
			times.push(performance.now() - sent);
			statuses[status] = (statuses[status] ?? 0) + 1;
		}
	}
	await Promise.all(Array.from({ length: CONCURRENCY }, client));
	return {
		sample: {
			times,
			seconds: (performance.now() - began) / 1000,
			statuses,
			load,
			cpu: cpuSince(cpu)
		},
		next: sequence
	};
}

/** Rushes one after another as one figure: their calls over the sum of their times. */
function merged(samples: Sample[]): Figures {
	const statuses: Record<string, number> = {};
	for (const sample of samples) {
		for (const [status, count] of Object.entries(sample.statuses)) {
			statuses[status] = (statuses[status] ?? 0) + count;
		}
	}
	const seconds = samples.reduce((sum, sample) => sum + sample.seconds, 0);
	const cpu = samples.every((sample) => sample.cpu)
		? samples.reduce<Cpu>((sum, { cpu }) => cpuPlus(sum, cpu!), { machine: 0, app: 0, bench: 0 })
		: undefined;
	return figures(
		samples.flatMap((sample) => sample.times),
		seconds,
		statuses,
		samples[0]!.load,
		cpu
	);
}

/** A rush measured after WARMUP_SECONDS of the same calls, kept beside the figures. */
async function warmRush(send: (n: number) => Promise<number | string>): Promise<Figures> {
	const warmup = await rush(send, { seconds: WARMUP_SECONDS });
	const { sample } = await rush(send, { from: warmup.next });
	return { ...merged([sample]), warmupStatuses: warmup.sample.statuses };
}

/**
 * Every one of `count` places taken, ROUNDS times, as one figure: the first quarter of the first
 * round warms up (not counted), and before each later round `fresh` gives every place back. One
 * round on a fast engine lasts a fraction of a second, too short a figure to compare; calls are
 * numbered on across rounds, so no two share a person, an address or a key.
 */
async function everyPlace(
	send: (n: number) => Promise<number | string>,
	count: number,
	fresh: () => Promise<void>
): Promise<Figures> {
	const warmup = await rush(send, {
		to: WARMUP_SECONDS > 0 ? Math.floor(count / 4) : 0,
		seconds: Infinity
	});
	const samples = [(await rush(send, { from: warmup.next, to: count })).sample];
	for (let round = 1; round < ROUNDS; round++) {
		await fresh();
		samples.push((await rush(send, { from: round * count, to: (round + 1) * count })).sample);
	}
	return { ...merged(samples), warmupStatuses: warmup.sample.statuses };
}

/** GETs of one path by autocannon (as bench/run.js measures pages), after WARMUP_SECONDS of them. */
async function hammer(url: string): Promise<Figures> {
	const warmup = await autocannonRun(url, WARMUP_SECONDS);
	return { ...(await autocannonRun(url, SECONDS)), warmupStatuses: warmup.statuses };
}

function autocannonRun(url: string, seconds: number): Promise<Figures> {
	const before = load1();
	const cpu = cpuNow();
	if (seconds <= 0) return Promise.resolve(figures([], 1, {}, before));
	return new Promise((done, fail) => {
		const times: number[] = [];
		const statuses: Record<string, number> = {};
		const instance = autocannon(
			{ url, connections: CONCURRENCY, duration: seconds },
			(error: Error | null, result: { duration: number }) => {
				if (error) return fail(error);
				done(figures(times, result.duration, statuses, before, cpuSince(cpu)));
			}
		);
		instance.on('response', (_client: unknown, status: number, _bytes: number, ms: number) => {
			times.push(ms);
			statuses[status] = (statuses[status] ?? 0) + 1;
		});
	});
}

/** A distinct client address per request (the app reads X-Forwarded-For, as behind a proxy). */
function address(n: number): string {
	return `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
}

/** An empty database of the engine's kind: a temporary PGlite folder, or the server's emptied. */
async function emptied(dataDir: string) {
	if (!URL) {
		rmSync(dataDir, { recursive: true, force: true });
		return;
	}
	const admin = postgres(URL, { max: 1, onnotice: () => {} });
	await admin.unsafe('drop schema if exists public cascade; drop schema if exists drizzle cascade');
	await admin.unsafe('create schema public');
	await admin.end();
}

/** The database's own limit: vt_book sent straight to it, as booking.ts prepares it. */
async function ceiling(starts: string[], count: number): Promise<Figures> {
	const dataDir = mkdtempSync(join(tmpdir(), 'ventanilla-ceiling-'));
	let call: (payload: string) => Promise<unknown> = async () => {};
	let close = async () => {};
	// A fresh database for each round, as the app's is emptied between rounds, holding the one row
	// of the seed's that vt_book reads: the non-working days (content-items/values.ts), none yet.
	const calendar = `insert into content_items (id, kind, demo, published, version, published_by)
		values ('calendar:dias-no-habiles', 'calendar', true, '{"days": []}', 1, 'seed')`;
	async function open() {
		await close();
		await emptied(dataDir);
		if (URL) {
			// The app's pool (src/lib/server/db/index.ts): ten connections.
			const client = postgres(URL, { max: 10, onnotice: () => {} });
			await migratePostgres(drizzlePostgres(client), { migrationsFolder: 'drizzle' });
			await client.unsafe(calendar);
			call = (payload) => client`select vt_book(${payload}::jsonb) as booked`;
			close = () => client.end();
		} else {
			const client = new PGlite({ dataDir, postgresqlconf: EMBEDDED_SETTINGS });
			await migratePglite(drizzlePglite(client), { migrationsFolder: 'drizzle' });
			await client.exec(calendar);
			call = (payload) => client.query('select vt_book($1::jsonb) as booked', [payload]);
			close = () => client.close();
		}
	}
	await open();
	const at = new Date(NOW);
	try {
		return await everyPlace(
			async (n) => {
				const start = new Date(starts[n % starts.length]!);
				const held = new Date(at.getTime() + 15 * 60_000).toISOString();
				const id = randomUUID();
				const reference = `C-${n}-${randomBytes(4).toString('hex')}`;
				const email = `ceiling${n}@example.com`;
				const videoUrl = `https://video.example/${randomBytes(12).toString('hex')}`;
				const manageTokenHash = randomBytes(32).toString('hex');
				const result = {
					reference,
					start: start.toISOString(),
					end: new Date(start.getTime() + 30 * 60_000).toISOString(),
					status: 'held',
					holdExpiresAt: held,
					sealedToken: randomBytes(48).toString('base64url')
				};
				const payload = {
					now: at.toISOString(),
					scope: 'appointments.book',
					key: `ceiling-${n}-${randomUUID()}`,
					requestHash: randomBytes(32).toString('hex'),
					documentType: 'CC',
					documentNumber: String(30_000_000 + n),
					// The booking's local date in Bogotá (UTC−5 all year, as domain/local-time.ts): a
					// closure on it is refused (booking.ts).
					day: new Date(start.getTime() - 5 * 3_600_000).toISOString().slice(0, 10),
					maxPending: 2,
					capacity: 2,
					limits: [60, 1440].map((minutes) => ({
						bucket: `booking:${randomBytes(32).toString('base64url')}`,
						max: minutes === 60 ? 6 : 12,
						windowSeconds: minutes * 60,
						code: 'BOOKING_LIMITED'
					})),
					appointment: {
						id,
						reference,
						status: 'held',
						locale: 'es',
						name: 'Persona de prueba',
						email,
						interpreter: false,
						sequence: 0,
						start: result.start,
						end: result.end,
						hold_expires_at: held,
						video_url: videoUrl,
						call_language: 'es',
						confirmation_call: false,
						topic: 'informacion-general',
						document_type: 'CC',
						document_number: String(30_000_000 + n),
						phone: null,
						description: '',
						accessibility_needs: '',
						preferential: [],
						consent_at: at.toISOString(),
						policy_version: '2026-01',
						manage_token_hash: manageTokenHash,
						manage_token_sealed: randomBytes(64).toString('base64url'),
						confirm_token_hash: randomBytes(32).toString('hex')
					},
					// The email as booking.ts queues it (emails.ts `emailToWrite`): a recipe, written
					// when the outbox sends it.
					email: {
						kind: 'appointment.held',
						to: email,
						subject: '',
						text: '',
						recipe: {
							kind: 'held',
							appointment: {
								...{ id, reference, start: result.start, videoUrl, manageTokenHash },
								...{ locale: 'es', sequence: 0, status: 'held', name: 'Persona de prueba', email },
								holdExpiresAt: held,
								callLanguage: 'es',
								interpreter: false
							},
							token: randomBytes(24).toString('base64url'),
							confirmToken: randomBytes(24).toString('base64url')
						},
						bucket: `email-unconfirmed:${randomBytes(32).toString('base64url')}`,
						max: 3,
						windowSeconds: 86_400
					},
					result
				};
				try {
					await call(JSON.stringify(payload));
					return 'booked';
				} catch (error) {
					const refusal = /^vt:([A-Z_]+)$/.exec((error as Error).message)?.[1];
					if (!refusal) throw error;
					return refusal;
				}
			},
			count,
			open
		);
	} finally {
		await close();
		rmSync(dataDir, { recursive: true, force: true });
	}
}

/** Places taken per slot against its capacity, read from the database the app left. */
async function overbooked(dataDir: string): Promise<number> {
	const query = `select count(*)::int as over from (
		select s.start from appointment_slots s
		left join appointments a on a.start = s.start and a.status in ('booked', 'held')
		group by s.start, s.capacity, s.booked
		having count(a.id) > s.capacity or s.booked > s.capacity or count(a.id) <> s.booked) o`;
	if (URL) {
		const client = postgres(URL, { max: 1, onnotice: () => {} });
		const [row] = await client.unsafe(query);
		await client.end();
		return Number(row!.over);
	}
	const client = new PGlite({ dataDir: join(dataDir, 'pgdata') });
	const { rows } = await client.query<{ over: number }>(query);
	await client.close();
	return rows[0]!.over;
}

async function expectStatus(response: Promise<Response>, status: number, what: string) {
	const answered = (await response).status;
	if (answered !== status) throw new Error(`${what} answered ${answered} (test mode?)`);
}

/** The app's clock on NOW (test mode), so every run offers the same slots. */
function setClock() {
	return expectStatus(
		fetch(`${base}/__test__/clock`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ now: NOW })
		}),
		204,
		'setting the clock'
	);
}

const port = Number(process.env.BENCH_PORT ?? (await freePort()));
const base = `http://127.0.0.1:${port}`;
const dataDir = mkdtempSync(join(tmpdir(), 'ventanilla-bench-'));
await emptied(join(dataDir, 'pgdata'));
const app = startBuiltApp(
	port,
	{
		DATA_DIR: dataDir,
		DATABASE_URL: URL,
		VENTANILLA_TEST_MODE: '1',
		LOG_LEVEL: 'warn',
		WORKER_INTERVAL_MS: '60000',
		ADDRESS_HEADER: 'x-forwarded-for',
		XFF_DEPTH: '1'
	},
	APP_DIR
);
const run: Record<string, unknown> = { date: new Date().toISOString(), app: APP_DIR };
let appStopped = false;
try {
	await waitUntilUp(base, app);
	appPid = app.pid;
	await setClock();
	const { days } = (await (await fetch(`${base}/api/v1/appointments/slots`)).json()) as {
		days: { slots: { start: string; available: number }[] }[];
	};
	const starts = days.flatMap((day) => day.slots.map((slot) => slot.start));
	// As many bookings as there are places, two to a slot in turn: every one should be taken, so
	// the app and the ceiling do the same work (a full slot's refusal is a different path).
	const places = days.flatMap((day) => day.slots).reduce((sum, slot) => sum + slot.available, 0);
	console.log(
		`${ENGINE} (${LABEL}): ${CONCURRENCY} clients, ${SECONDS} s each after ${WARMUP_SECONDS} s of warm-up, ${starts.length} slots, ${places} places taken ${ROUNDS} times (bookings)`
	);

	const floor = show('floor (health)', await hammer(`${base}/api/v1/health`));
	const slots = show('slots (30 days)', await hammer(`${base}/api/v1/appointments/slots`));
	const booking = show(
		'booking',
		await everyPlace(
			async (n) => {
				const { status } = await postJson(
					`${base}/api/v1/appointments`,
					bookingOf(starts[n % starts.length]!, n),
					{ 'idempotency-key': `bench-booking-${n}-key`, 'x-forwarded-for': address(n) }
				);
				return status;
			},
			places,
			async () => {
				await expectStatus(fetch(`${base}/__test__/reset`, { method: 'POST' }), 204, 'reset');
				await setClock();
			}
		)
	);
	const filed: { number: string; securityCode: string }[] = [];
	for (let i = 0; i < 20; i++) {
		const { status, json } = await postJson(
			`${base}/api/v1/radicados`,
			{
				type: 'peticion',
				subject: `Petición de prueba ${i}`,
				description: 'Texto de prueba para medir la consulta de radicados.',
				identity: 'identified',
				name: 'Prueba',
				contactPreference: 'online',
				consent: true
			},
			{ 'x-forwarded-for': address(1_000_000 + i) }
		);
		if (status !== 201) throw new Error(`filing answered ${status}`);
		filed.push(json as { number: string; securityCode: string });
	}
	const lookup = show(
		'look-up (right code)',
		await warmRush(async (n) => {
			const one = filed[n % filed.length]!;
			const { status } = await postJson(
				`${base}/api/v1/radicados/lookup`,
				{ number: one.number, securityCode: one.securityCode },
				{ 'x-forwarded-for': address(2_000_000 + n) }
			);
			return status;
		})
	);
	await stopApp(app);
	appStopped = true;
	appPid = undefined;
	const over = await overbooked(dataDir);
	console.log(`slots over capacity or out of step with their bookings: ${over}`);
	const raw = show('ceiling (vt_book)', await ceiling(starts, places));
	const ratio = Number((booking.requestsPerSecond / raw.requestsPerSecond).toFixed(2));
	console.log(
		`booking / ceiling ${ratio}; booking / floor ${(booking.requestsPerSecond / floor.requestsPerSecond).toFixed(2)}`
	);
	Object.assign(run, {
		floor,
		slots,
		booking,
		ceiling: raw,
		bookingToCeiling: ratio,
		bookingRounds: ROUNDS,
		lookup
	});
	run.overbookedSlots = over;
	const results = existsSync(RESULTS) ? JSON.parse(readFileSync(RESULTS, 'utf8')) : {};
	results[ENGINE] = { ...results[ENGINE], [LABEL]: run };
	writeFileSync(RESULTS, JSON.stringify(results, null, '\t') + '\n');
	const fiveHundreds = [booking.statuses, booking.warmupStatuses ?? {}].some((statuses) =>
		Object.keys(statuses).some((status) => Number(status) >= 500)
	);
	process.exitCode = over === 0 && !fiveHundreds ? 0 : 1;
} finally {
	if (!appStopped) await stopApp(app);
	rmSync(dataDir, { recursive: true, force: true });
}
