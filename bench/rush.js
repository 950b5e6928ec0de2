// `npm run bench:rush` (also part of `npm run bench`): a subsidy announcement sends 500 people to
// the booking pages at once, all wanting the next business morning (capacity 2 a slot). Each is
// a browser without JavaScript on its own loopback address (127.50.x.y, so the per-address limits
// count them as the different people they are; the app trusts the socket's address, as in
// tests/reliability/abuse.spec.ts): it GETs each question page, POSTs its form, follows the
// redirects and keeps its cookies. Each takes the earliest day after today and the earliest time
// the pages offer (one of the first three); when a time is taken meanwhile it takes what the page
// offers next, and gives up after 6 refusals.
// Then each confirms its hold through the link of the email the worker sends to a real SMTP server
// (the place is taken at the hold; confirming is what a person does next, so it is measured too).
// Reports completed bookings, confirmations, statuses (0 5xx expected), p95 per step, and, from
// the database after the app stops, that no slot holds more than its capacity.
// Runs against build/ on a fresh embedded database, or on PostgreSQL at `BENCH_DATABASE_URL` (its
// tables are dropped first: never a real database).
import { PGlite } from '@electric-sql/pglite';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import postgres from 'postgres';
import { Agent, fetch } from 'undici';
import { startMailbox } from '../src/lib/server/testing/smtp.ts';
import { percentile, startBuiltApp, stopApp, waitUntilUp } from './support.ts';

const STEPS = ['tema', 'dia', 'hora', 'datos', 'ajustes', 'revisar', 'cita', 'confirmar'];
const MAX_TRIES = 6;

function stepOf(path) {
	const [, , , step = 'tema'] = path.split('?')[0].split('/');
	return STEPS.includes(step) ? step : path;
}

const decode = (text) =>
	text
		.replace(/&quot;/g, '"')
		.replace(/&#39;/g, "'")
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&amp;/g, '&');

function attribute(tag, name) {
	const match = new RegExp(`\\s${name}(?:="([^"]*)")?`, 'i').exec(tag);
	return match ? decode(match[1] ?? '') : undefined;
}

/** The fields of the page's form (the one in <main> sent by POST), as a browser sees them. */
export function formOf(html) {
	const main = html.slice(html.indexOf('<main'));
	const start = main.search(/<form[^>]*method="post"/i);
	if (start < 0) return undefined;
	const form = main.slice(start, main.indexOf('</form>', start));
	const fields = [];
	for (const [tag] of form.matchAll(/<input\b[^>]*>/gi)) {
		fields.push({
			name: attribute(tag, 'name'),
			type: (attribute(tag, 'type') ?? 'text').toLowerCase(),
			value: attribute(tag, 'value') ?? '',
			checked: attribute(tag, 'checked') !== undefined
		});
	}
	for (const [, name, options] of form.matchAll(
		/<select[^>]*name="([^"]+)"[^>]*>([\s\S]*?)<\/select>/gi
	)) {
		const values = [...options.matchAll(/<option[^>]*value="([^"]*)"/gi)].map((m) => decode(m[1]));
		fields.push({ name, type: 'select', value: values.find(Boolean) ?? '' });
	}
	for (const [, name] of form.matchAll(/<textarea[^>]*name="([^"]+)"/gi)) {
		fields.push({ name, type: 'textarea', value: '' });
	}
	const action = attribute(/<form[^>]*>/i.exec(form)[0], 'action');
	return { action: action || undefined, fields: fields.filter((f) => f.name) };
}

/** The form body: hidden fields as they are, `answers` for what a person chooses or types. */
function fill(form, answers) {
	const body = new URLSearchParams();
	const radios = new Map();
	for (const field of form.fields) {
		if (field.type === 'radio') {
			if (!radios.has(field.name)) radios.set(field.name, []);
			radios.get(field.name).push(field.value);
		} else if (field.type === 'checkbox') {
			if (answers[field.name] === field.value) body.append(field.name, field.value);
		} else if (field.type === 'submit' || field.type === 'button') {
			continue;
		} else if (field.type === 'hidden') {
			body.append(field.name, field.value);
		} else {
			body.append(field.name, answers[field.name] ?? field.value);
		}
	}
	for (const [name, values] of radios) {
		const wanted = answers[name];
		const value = typeof wanted === 'function' ? wanted(values) : (wanted ?? values[0]);
		if (value !== undefined) body.append(name, value);
	}
	return body;
}

/** One person's way through the booking pages, with their own address, cookies and clock. */
async function citizen(base, i, { today, mailbox, confirm, record }) {
	const agent = new Agent({ localAddress: `127.50.${Math.floor(i / 250)}.${(i % 250) + 2}` });
	const cookies = new Map();
	const person = {
		name: `Persona de la fila ${i}`,
		documentType: 'CC',
		documentNumber: String(30_000_000 + i),
		email: `fila${i}@correo-prueba.co`,
		phone: `310${String(5_000_000 + i).padStart(7, '0')}`,
		description: '',
		consent: 'yes'
	};
	async function send(method, path, body) {
		const headers = { accept: 'text/html', 'accept-encoding': 'br, gzip' };
		if (cookies.size) headers.cookie = [...cookies].map(([k, v]) => `${k}=${v}`).join('; ');
		if (body) {
			headers['content-type'] = 'application/x-www-form-urlencoded';
			headers.origin = base;
		}
		const sent = performance.now();
		const response = await fetch(`${base}${path}`, {
			method,
			headers,
			body: body?.toString(),
			redirect: 'manual',
			dispatcher: agent
		});
		const html = await response.text();
		record(`${stepOf(path)} ${method}`, response.status, performance.now() - sent);
		for (const line of response.headers.getSetCookie()) {
			const [pair] = line.split(';');
			const at = pair.indexOf('=');
			const [name, value] = [pair.slice(0, at), pair.slice(at + 1)];
			if (/max-age=0|expires=thu, 01 jan 1970/i.test(line)) cookies.delete(name);
			else cookies.set(name, value);
		}
		if (response.status >= 500) throw Object.assign(new Error('server error'), { fatal: true });
		return { status: response.status, location: response.headers.get('location'), html, path };
	}
	/** GET, following redirects as a browser does. */
	async function open(path) {
		let page = await send('GET', path);
		while (page.status === 303 || page.status === 302) page = await send('GET', page.location);
		return page;
	}
	async function submit(page, answers) {
		const form = formOf(page.html);
		if (!form) return undefined;
		const target = form.action ? new URL(form.action, `${base}${page.path}`) : undefined;
		const path = target ? `${target.pathname}${target.search}` : page.path;
		const answer = await send('POST', path, fill(form, answers));
		return answer.status === 303 ? open(answer.location) : { ...answer, path: page.path };
	}

	try {
		let page = await open('/es/citas');
		let after = today;
		let chosen = today;
		let tries = 0;
		for (let moves = 0; moves < 20; moves++) {
			const step = stepOf(page.path);
			if (step === 'cita') break;
			if (page.status === 429) return { outcome: 'limited' };
			if (tries > MAX_TRIES) return { outcome: 'gave up' };
			const answers = {
				...person,
				topic: 'informacion-general',
				day: (days) => (chosen = days.find((day) => day > after)),
				// Among the first three times offered, as people in a queue spread a little.
				start: (starts) => starts[Math.floor(Math.random() * Math.min(3, starts.length))]
			};
			if (step === 'hora' && !formOf(page.html)?.fields.some((f) => f.name === 'start')) {
				// No time left on that day: the next one.
				after = chosen;
				tries += 1;
				page = await open('/es/citas/dia');
				continue;
			}
			const next = await submit(page, answers);
			if (!next) return { outcome: 'no form', step };
			if (stepOf(next.path) === step || (step === 'revisar' && stepOf(next.path) === 'hora'))
				tries += 1;
			page = next;
		}
		const reference = /\/citas\/cita\/([^/?]+)/.exec(page.path)?.[1];
		if (!reference) return { outcome: 'gave up' };
		if (!confirm) return { outcome: 'held', reference };
		const deadline = Date.now() + 120_000;
		let link;
		while (!link && Date.now() < deadline) {
			const mail = mailbox.messages.find(
				(m) => JSON.stringify(m.to).includes(person.email) && m.text?.includes('/citas/confirmar/')
			);
			link = mail && /https?:\/\/[^/\s]+(\/es\/citas\/confirmar\/[^\s]+)/.exec(mail.text)?.[1];
			if (!link) await new Promise((resolve) => setTimeout(resolve, 250));
		}
		if (!link) return { outcome: 'held, no email', reference };
		const confirmed = await submit(await open(link), {});
		return {
			outcome: /confirmada=1/.test(confirmed?.path ?? '') ? 'confirmed' : 'held, not confirmed',
			reference
		};
	} catch (error) {
		return { outcome: error.fatal ? '5xx' : `error: ${error.message}` };
	} finally {
		await agent.close();
	}
}

/** Places taken beyond capacity, slot by slot, from the database itself. */
const OVERBOOKED = `select a.start::text, count(*)::int as taken, max(s.capacity) as capacity
	from appointments a join appointment_slots s on s.start = a.start
	where a.status not in ('cancelled', 'expired')
	group by a.start having count(*) > max(s.capacity)`;
const COUNTERS = `select count(*)::int as wrong from appointment_slots s
	where s.booked <> (select count(*) from appointments a
		where a.start = s.start and a.status not in ('cancelled', 'expired'))`;

async function checkDatabase({ databaseUrl, dataDir }) {
	if (databaseUrl) {
		const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
		try {
			const overbooked = await sql.unsafe(OVERBOOKED);
			const [{ wrong }] = await sql.unsafe(COUNTERS);
			return { overbooked: [...overbooked], wrongCounters: wrong };
		} finally {
			await sql.end();
		}
	}
	const db = new PGlite({ dataDir: join(dataDir, 'pgdata') });
	try {
		const overbooked = (await db.query(OVERBOOKED)).rows;
		const [{ wrong }] = (await db.query(COUNTERS)).rows;
		return { overbooked, wrongCounters: wrong };
	} finally {
		await db.close();
	}
}

async function emptyPostgres(url) {
	const sql = postgres(url, { max: 1, onnotice: () => {} });
	try {
		await sql.unsafe(
			'drop schema if exists public cascade; drop schema if exists drizzle cascade; create schema public;'
		);
	} finally {
		await sql.end();
	}
}

/** Starts the app (its own database and mailbox), runs the rush, checks the database. */
export async function measureRush({
	port,
	databaseUrl = '',
	clients = 500,
	arrivalSeconds = 10,
	confirm = true,
	log = console.log
}) {
	const base = `http://127.0.0.1:${port}`;
	const dataDir = mkdtempSync(join(tmpdir(), 'ventanilla-bench-rush-'));
	const mailbox = await startMailbox();
	if (databaseUrl) await emptyPostgres(databaseUrl);
	const app = startBuiltApp(port, {
		DATA_DIR: dataDir,
		DATABASE_URL: databaseUrl,
		SMTP_HOST: '127.0.0.1',
		SMTP_PORT: String(mailbox.transport.options.port),
		WORKER_INTERVAL_MS: '500'
	});
	const times = new Map();
	const statuses = {};
	const record = (step, status, ms) => {
		if (!times.has(step)) times.set(step, []);
		times.get(step).push(ms);
		statuses[status] = (statuses[status] ?? 0) + 1;
	};
	try {
		await waitUntilUp(base, app);
		const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Bogota' }).format(
			new Date()
		);
		const began = performance.now();
		const results = await Promise.all(
			Array.from(
				{ length: clients },
				(_, i) =>
					new Promise((resolve) =>
						setTimeout(
							() => resolve(citizen(base, i, { today, mailbox, confirm, record })),
							(i * arrivalSeconds * 1000) / clients
						)
					)
			)
		);
		const seconds = (performance.now() - began) / 1000;
		const outcomes = {};
		for (const { outcome } of results) outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
		const steps = {};
		for (const step of [...times.keys()].sort(
			(a, b) => STEPS.indexOf(a.split(' ')[0]) - STEPS.indexOf(b.split(' ')[0])
		)) {
			const sorted = times.get(step).sort((a, b) => a - b);
			steps[step] = {
				requests: sorted.length,
				p50Ms: Number(percentile(sorted, 50).toFixed(1)),
				p95Ms: Number(percentile(sorted, 95).toFixed(1))
			};
		}
		await stopApp(app);
		const database = await checkDatabase({ databaseUrl, dataDir });
		const booked = results.filter((r) => r.reference).length;
		const summary = {
			engine: databaseUrl ? 'postgres' : 'pglite',
			clients,
			arrivalSeconds,
			seconds: Number(seconds.toFixed(1)),
			booked,
			confirmed: outcomes.confirmed ?? 0,
			outcomes,
			statuses,
			serverErrors: Object.entries(statuses)
				.filter(([status]) => Number(status) >= 500)
				.reduce((sum, [, count]) => sum + count, 0),
			overbookedSlots: database.overbooked.length,
			slotCountersWrong: database.wrongCounters,
			steps
		};
		log(
			`${summary.engine}: ${clients} people in ${arrivalSeconds} s, done in ${summary.seconds} s: ${booked} booked, ${summary.confirmed} confirmed; outcomes ${JSON.stringify(outcomes)}; statuses ${JSON.stringify(statuses)}; slots over capacity ${summary.overbookedSlots}, slot counters wrong ${summary.slotCountersWrong}`
		);
		for (const [step, s] of Object.entries(steps))
			log(`  ${step}: ${s.requests} requests, p50 ${s.p50Ms} ms, p95 ${s.p95Ms} ms`);
		return summary;
	} finally {
		await stopApp(app);
		await mailbox.close();
		rmSync(dataDir, { recursive: true, force: true });
	}
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
	if (!existsSync('build/handler.js')) {
		console.error('Build the app first: npx vite build');
		process.exit(1);
	}
	const databaseUrl = process.env.BENCH_DATABASE_URL ?? '';
	const rush = await measureRush({
		port: Number(process.env.BENCH_PORT ?? 4990),
		databaseUrl,
		clients: Number(process.env.RUSH_CLIENTS ?? 500),
		log: (line) => console.log(`[bench:rush] ${line}`)
	});
	const path = 'bench/results.json';
	const results = existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : {};
	results.server = { ...results.server, rush: { ...results.server?.rush, [rush.engine]: rush } };
	writeFileSync(path, JSON.stringify(results, null, '\t') + '\n');
	console.log(`[bench:rush] wrote server.rush.${rush.engine} into ${path}`);
	process.exit(rush.serverErrors || rush.overbookedSlots || rush.slotCountersWrong ? 1 : 0);
}
