// `npm run bench`: builds the app, starts it with a fresh database on loopback, and measures what a
// citizen on a cheap phone pays for it: bytes on the wire, Lighthouse scores and server latency.
// Writes bench/results.json and bench/results.md; `npm run bench:check` compares them to budgets.
// Loopback only, bounded in time. The machine is shared and noisy: compare ratios, not absolutes.
import { chromium } from '@playwright/test';
import autocannon from 'autocannon';
import * as chromeLauncher from 'chrome-launcher';
import compression from 'compression';
import lighthouse from 'lighthouse';
import { computeMedianRun } from 'lighthouse/core/lib/median-run.js';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../tests/support/chromium.js';
import { measureCall } from './call.js';
import { measureContent } from './content.js';
import { measureRush } from './rush.js';
import { START_ENV, START_FLAGS, bookingOf, postJson, waitUntilUp } from './support.ts';
import { pageWeight } from './page-weight.js';

const PORT = Number(process.env.BENCH_PORT ?? 4990);
const BASE = `http://localhost:${PORT}`;
const LOCALES = ['es', 'guc'];
const CONTENT = [
	'',
	'/carta-de-trato-digno',
	'/servicios',
	'/contacto',
	'/glosario',
	'/accesibilidad',
	'/privacidad',
	'/indicadores'
];
// The forms: the booking start (the question page), the petition, the look-up, the call-back.
const FORMS = ['/citas', '/pqrsd', '/radicado', '/te-llamamos'];
// Pages whose whole purpose is on the device.
const DEVICE = ['/mis-tramites', '/sin-conexion', '/audios'];
// Pages that need WebRTC code: a larger script budget. The camera check is measured here; the call
// room needs a booked appointment and its key, so bench/call.js measures it and adds it below.
const WEBRTC = ['/citas/probar'];
const KINDS = [
	['content', CONTENT],
	['form', FORMS],
	['device', DEVICE],
	['webrtc', WEBRTC]
];
// Lighthouse's launcher wants the new headless mode spelled out.
const CHROME_FLAGS = ['--headless=new', ...CHROMIUM_ARGS.slice(1)];
const skipBuild = process.argv.includes('--skip-build');
const quick = process.argv.includes('--quick');
// Runs per Lighthouse audit and per 2G visit: the median is reported (an odd count gives a run).
const LIGHTHOUSE_RUNS = Number(process.env.BENCH_LIGHTHOUSE_RUNS ?? (quick ? 1 : 5));
const TWO_G_RUNS = Number(process.env.BENCH_TWO_G_RUNS ?? (quick ? 1 : 3));

function log(message) {
	console.log(`[bench] ${message}`);
}

function percentile(values, p) {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

// PostgreSQL for the figures measured on both engines (memory, the rush): its tables are dropped.
const POSTGRES_URL = process.env.BENCH_DATABASE_URL ?? '';

async function startApp(dataDir = mkdtempSync(join(tmpdir(), 'ventanilla-bench-')), env = {}) {
	const started = Date.now();
	const child = spawn(process.execPath, [...START_FLAGS, 'scripts/start.js'], {
		env: {
			...process.env,
			...START_ENV,
			PORT: String(PORT),
			HOST: '127.0.0.1',
			DATA_DIR: dataDir,
			ORIGIN: BASE,
			DATABASE_URL: '',
			SMTP_HOST: '',
			...env
		},
		stdio: ['ignore', 'pipe', 'inherit']
	});
	let databaseMs;
	child.stdout.on('data', (chunk) => {
		const match = /"msg":"database ready".*?"ms":(\d+)/.exec(String(chunk));
		if (match) databaseMs = Number(match[1]);
	});
	await waitUntilUp(BASE, child);
	return { child, dataDir, databaseMs, readyMs: Date.now() - started };
}

/** Stops the app; adapter-node may linger on open handles, so it gets a short grace. */
async function stopApp(app) {
	if (app.child.exitCode !== null) return;
	const exited = new Promise((resolve) => app.child.once('exit', resolve));
	app.child.kill('SIGTERM');
	const timer = setTimeout(() => app.child.kill('SIGKILL'), 5000);
	await exited;
	clearTimeout(timer);
}

function residentMemoryMb(pid) {
	const status = readFileSync(`/proc/${pid}/status`, 'utf8');
	return Math.round(Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024);
}

/** Waits until the service worker controls the page, its precache complete. */
async function serviceWorkerReady(page) {
	await page.evaluate(async () => {
		await navigator.serviceWorker.ready;
		if (!navigator.serviceWorker.controller) {
			await new Promise((resolve) =>
				navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true })
			);
		}
	});
}

/**
 * What the service worker downloads on installation, compressed as on the wire: the shared
 * scripts, styles and static files (audio excluded) plus each language's pages.
 */
async function precacheWeight(browser) {
	const context = await browser.newContext();
	const requests = [];
	context.on('requestfinished', (request) => {
		if (request.serviceWorker()) requests.push(request);
	});
	const page = await context.newPage();
	await page.goto(`${BASE}/es`);
	await serviceWorkerReady(page);
	await page.waitForTimeout(500);
	const perLocale = Object.fromEntries(LOCALES.map((lang) => [lang, 0]));
	for (const request of requests) {
		const sizes = await request.sizes();
		const bytes = sizes.responseBodySize + sizes.responseHeadersSize;
		const path = new URL(request.url()).pathname;
		const lang = LOCALES.find((l) => path === `/${l}` || path.startsWith(`/${l}/`));
		if (path.startsWith('/audio/')) continue;
		for (const locale of LOCALES) if (!lang || lang === locale) perLocale[locale] += bytes;
	}
	await context.close();
	return perLocale;
}

/** Paint times of the main content (the h1 and the text after it) from the page's own timing. */
async function paintTimes(page) {
	return page.evaluate(
		() =>
			new Promise((resolve) => {
				// An entry the browser did not give stays null ("not measured"), never a 0 that passes.
				const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime;
				let lcp;
				new PerformanceObserver((list) => {
					for (const entry of list.getEntries()) lcp = entry.startTime;
				}).observe({ type: 'largest-contentful-paint', buffered: true });
				const ms = (time) => (time === undefined ? null : Math.round(time));
				setTimeout(() => resolve({ fcpMs: ms(fcp), lcpMs: ms(lcp) }), 200);
			})
	);
}

/**
 * A page on a 2G profile (≈ 250 kbit/s, 800 ms round trip, 4× slower processor): a cold first
 * visit, then (unless `withRepeat` is false) a repeat visit once the service worker has installed.
 */
async function twoG(browser, url, { withRepeat = true } = {}) {
	const context = await browser.newContext();
	const page = await context.newPage();
	const cdp = await context.newCDPSession(page);
	await cdp.send('Network.enable');
	const slow = {
		offline: false,
		latency: 800,
		downloadThroughput: (250 * 1024) / 8,
		uploadThroughput: (250 * 1024) / 8
	};
	const fast = { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 };
	await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
	await cdp.send('Network.emulateNetworkConditions', slow);
	await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
	const cold = await paintTimes(page);
	if (!withRepeat) {
		await context.close();
		return { cold };
	}
	// The installation downloads the precache; a person would wait on a café's Wi-Fi, we skip ahead.
	await cdp.send('Network.emulateNetworkConditions', fast);
	await serviceWorkerReady(page);
	await page.goto('about:blank');
	await cdp.send('Network.emulateNetworkConditions', slow);
	const response = await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
	const repeat = { ...(await paintTimes(page)), fromServiceWorker: response?.fromServiceWorker() };
	await context.close();
	return { cold, repeat };
}

/**
 * twoG's visits TWO_G_RUNS times: the figures of the visit with the median cold LCP (a throttled
 * cold visit on a shared machine varies by a few hundred milliseconds), and the range beside them.
 */
async function twoGMedian(browser, url, options) {
	const visits = [];
	for (let i = 0; i < TWO_G_RUNS; i++) visits.push(await twoG(browser, url, options));
	// A visit without an LCP counts as the slowest: a lost figure never makes the median look better.
	const lcp = (visit) => visit.cold.lcpMs ?? Infinity;
	visits.sort((a, b) => (lcp(a) === lcp(b) ? 0 : lcp(a) < lcp(b) ? -1 : 1));
	return {
		...visits[Math.floor(visits.length / 2)],
		runs: visits.length,
		coldLcpRange: [visits[0].cold.lcpMs, visits.at(-1).cold.lcpMs]
	};
}

/** Concurrent requests made by `send` for a bounded time; percentiles of each request's own time. */
async function loop(title, send, { connections = 32, seconds = quick ? 3 : 8 } = {}) {
	const times = [];
	const statuses = {};
	let sequence = 0;
	const stopAt = performance.now() + seconds * 1000;
	const began = performance.now();
	async function client() {
		while (performance.now() < stopAt) {
			const sent = performance.now();
			const status = await send(sequence++);
			times.push(performance.now() - sent);
			statuses[status] = (statuses[status] ?? 0) + 1;
		}
	}
	await Promise.all(Array.from({ length: connections }, client));
	const elapsed = (performance.now() - began) / 1000;
	const summary = {
		requestsPerSecond: Math.round(times.length / elapsed),
		p50Ms: Number(percentile(times, 50).toFixed(1)),
		p95Ms: Number(percentile(times, 95).toFixed(1)),
		p99Ms: Number(percentile(times, 99).toFixed(1)),
		statuses
	};
	log(
		`${title}: ${summary.requestsPerSecond} req/s, p50 ${summary.p50Ms} ms, p95 ${summary.p95Ms} ms, p99 ${summary.p99Ms} ms ${JSON.stringify(statuses)}`
	);
	return summary;
}

/** Bookings of free slots by distinct people (each may hold two), as the public API takes them. */
async function bookingLoad() {
	const { days } = await (await fetch(`${BASE}/api/v1/appointments/slots`)).json();
	const starts = days.flatMap((day) => day.slots.map((slot) => slot.start));
	return loop('booking', async (n) => {
		const { status } = await postJson(
			`${BASE}/api/v1/appointments`,
			bookingOf(starts[n % starts.length], n),
			{ 'idempotency-key': `bench-booking-${n}-${Date.now()}` }
		);
		return status;
	});
}

/** Look-ups of filed petitions with their right codes (only failures count against the limits). */
async function lookupLoad() {
	const filed = [];
	for (let i = 0; i < 20; i++) {
		const { status, json } = await postJson(`${BASE}/api/v1/radicados`, {
			type: 'peticion',
			subject: `Petición de prueba ${i}`,
			description: 'Texto de prueba para medir la consulta de radicados.',
			identity: 'identified',
			name: 'Prueba',
			contactPreference: 'online',
			consent: true
		});
		if (status === 201) filed.push(json);
	}
	if (filed.length === 0) return undefined;
	return loop('look-up', async (n) => {
		const one = filed[n % filed.length];
		const { status } = await postJson(`${BASE}/api/v1/radicados/lookup`, {
			number: one.number,
			securityCode: one.securityCode
		});
		return status;
	});
}

/**
 * Lighthouse's score of one page: the median of LIGHTHOUSE_RUNS runs, as Lighthouse's own
 * variability guide advises (one run on this shared machine swings by up to twenty points),
 * chosen by its `computeMedianRun` (the run nearest the median first paint and time to
 * interactive). Every run's performance score is kept beside it.
 */
async function lighthouseRun(url, extra = {}) {
	const runs = [];
	for (let i = 0; i < LIGHTHOUSE_RUNS; i++) runs.push(await lighthouseOnce(url, extra));
	const valid = runs.filter((lhr) => !lhr.runtimeError);
	// A run that failed scores 0 in performanceRuns and is left out of the median: say why.
	for (const failed of runs.filter((lhr) => lhr.runtimeError)) {
		log(`lighthouse could not measure ${url} once: ${failed.runtimeError.code}`);
	}
	const lhr = valid.length > 0 ? computeMedianRun(valid) : runs[0];
	const { audits } = lhr;
	const score = (id, of = lhr) => Math.round((of.categories[id]?.score ?? 0) * 100);
	const scores = runs.map((run) => score('performance', run)).sort((a, b) => a - b);
	return {
		performance: score('performance'),
		accessibility: score('accessibility'),
		bestPractices: score('best-practices'),
		seo: score('seo'),
		lcpMs: Math.round(audits['largest-contentful-paint']?.numericValue ?? 0),
		tbtMs: Math.round(audits['total-blocking-time']?.numericValue ?? 0),
		cls: Number((audits['cumulative-layout-shift']?.numericValue ?? 0).toFixed(3)),
		runs: runs.length,
		performanceRuns: scores
	};
}

async function lighthouseOnce(url, extra) {
	const chrome = await chromeLauncher.launch({
		chromePath: CHROMIUM_PATH,
		chromeFlags: CHROME_FLAGS
	});
	try {
		const result = await lighthouse(url, {
			port: chrome.port,
			output: 'json',
			logLevel: 'error',
			onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'],
			...extra
		});
		return result.lhr;
	} finally {
		await chrome.kill();
	}
}

/** What the booking question page says, read from ours: the same words for the GOV.UK version. */
async function bookingQuestion(browser) {
	const page = await browser.newPage();
	await page.goto(`${BASE}/es/citas`);
	const question = await page.evaluate(() => {
		const main = document.querySelector('main');
		const text = (element) => element?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
		const fieldset = main.querySelector('form fieldset');
		return {
			title: text(main.querySelector('h1')),
			paragraphs: [...main.querySelectorAll(':scope > p')].map(text),
			legend: text(fieldset.querySelector('legend')),
			hint: text(fieldset.querySelector(':scope > .hint')),
			options: [...fieldset.querySelectorAll('.choice')].map((choice) => ({
				value: choice.querySelector('input').value,
				label: text(choice.querySelector('label')),
				hint: text(choice.querySelector('.hint'))
			})),
			button: text(main.querySelector('form button'))
		};
	});
	await page.close();
	return question;
}

const escapeHtml = (text) =>
	text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);

/** The booking question page, laid out with GOV.UK Frontend's full CSS and JS, served compressed. */
async function govukPage(question) {
	const root = 'node_modules/govuk-frontend/dist/govuk';
	const options = question.options
		.map(
			(option, i) => `<div class="govuk-radios__item">
<input class="govuk-radios__input" id="topic-${i}" name="topic" type="radio" value="${escapeHtml(option.value)}" aria-describedby="topic-${i}-hint">
<label class="govuk-label govuk-radios__label" for="topic-${i}">${escapeHtml(option.label)}</label>
<div id="topic-${i}-hint" class="govuk-hint govuk-radios__hint">${escapeHtml(option.hint)}</div></div>`
		)
		.join('\n');
	const html = `<!doctype html><html lang="es" class="govuk-template"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(question.title)}</title>
<link rel="stylesheet" href="/govuk-frontend.min.css"></head>
<body class="govuk-template__body"><script>document.body.className += ' js-enabled govuk-frontend-supported';</script>
<a href="#main-content" class="govuk-skip-link" data-module="govuk-skip-link">Saltar al contenido principal</a>
<header class="govuk-header" data-module="govuk-header"><div class="govuk-header__container govuk-width-container">
<a href="/" class="govuk-header__link govuk-header__link--homepage">Ventanilla</a></div></header>
<div class="govuk-width-container"><main class="govuk-main-wrapper" id="main-content">
<h1 class="govuk-heading-l">${escapeHtml(question.title)}</h1>
${question.paragraphs.map((p) => `<p class="govuk-body">${escapeHtml(p)}</p>`).join('\n')}
<form method="post" novalidate><div class="govuk-form-group">
<fieldset class="govuk-fieldset" aria-describedby="topic-hint">
<legend class="govuk-fieldset__legend govuk-fieldset__legend--m"><h2 class="govuk-fieldset__heading">${escapeHtml(question.legend)}</h2></legend>
<div id="topic-hint" class="govuk-hint">${escapeHtml(question.hint)}</div>
<div class="govuk-radios" data-module="govuk-radios">
${options}
</div></fieldset></div>
<button type="submit" class="govuk-button" data-module="govuk-button">${escapeHtml(question.button)}</button>
</form></main></div>
<footer class="govuk-footer"><div class="govuk-width-container"></div></footer>
<script type="module" src="/govuk-frontend.min.js"></script>
<script type="module">import { initAll } from '/govuk-frontend.min.js'; initAll();</script></body></html>`;
	const types = {
		'.css': 'text/css',
		'.js': 'text/javascript',
		'.woff2': 'font/woff2',
		'.woff': 'font/woff'
	};
	const compress = compression({ threshold: 0 });
	const server = createServer((request, response) =>
		compress(request, response, () => {
			const path = request.url?.split('?')[0] ?? '/';
			if (path === '/') {
				response.setHeader('content-type', 'text/html; charset=utf-8');
				return response.end(html);
			}
			try {
				const file = path.startsWith('/assets/') ? join(root, path) : join(root, path.slice(1));
				response.setHeader('content-type', types[extname(file)] ?? 'application/octet-stream');
				response.end(readFileSync(file));
			} catch {
				response.statusCode = 404;
				response.end();
			}
		})
	);
	await new Promise((resolve) => server.listen(PORT + 1, '127.0.0.1', resolve));
	return { url: `http://127.0.0.1:${PORT + 1}/`, close: () => server.close() };
}

/** Bounded load from 32 clients; latency percentiles computed from every response's own time. */
function load(title, options) {
	return new Promise((resolve, reject) => {
		const times = [];
		const instance = autocannon(
			{ connections: 32, duration: quick ? 3 : 8, ...options },
			(error, result) => {
				if (error) return reject(error);
				const summary = {
					requestsPerSecond: Math.round(result.requests.average),
					p50Ms: Number(percentile(times, 50).toFixed(1)),
					p95Ms: Number(percentile(times, 95).toFixed(1)),
					p99Ms: Number(percentile(times, 99).toFixed(1)),
					ok: result['2xx'],
					non2xx: result.non2xx
				};
				log(
					`${title}: ${summary.requestsPerSecond} req/s, p50 ${summary.p50Ms} ms, p95 ${summary.p95Ms} ms`
				);
				resolve(summary);
			}
		);
		instance.on('response', (_client, _status, _bytes, responseTime) => times.push(responseTime));
	});
}

async function main() {
	if (!skipBuild) {
		log('building');
		const build = spawnSync('npx', ['vite', 'build'], { stdio: 'ignore' });
		if (build.status !== 0) throw new Error('build failed');
	}
	const results = {
		date: new Date().toISOString(),
		machine: 'shared 2-core sandbox (noisy: compare ratios)'
	};
	const app = await startApp();
	log(`app ready in ${app.readyMs} ms (database ${app.databaseMs} ms)`);
	results.startup = { databaseOpenMs: app.databaseMs, readyMs: app.readyMs };

	const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
	results.pages = {};
	for (const lang of LOCALES) {
		for (const [kind, paths] of KINDS) {
			for (const path of paths) {
				const weight = await pageWeight(browser, `${BASE}/${lang}${path}`);
				if (!weight) continue;
				results.pages[`/${lang}${path}`] = { kind, ...weight };
				log(
					`/${lang}${path}: ${weight.total} B (html ${weight.html}, css ${weight.css}, js ${weight.js})`
				);
			}
		}
	}

	results.precache = await precacheWeight(browser);
	log(`precache per language: ${JSON.stringify(results.precache)}`);
	results.twoG = {
		charter: await twoGMedian(browser, `${BASE}/es/carta-de-trato-digno`),
		booking: await twoGMedian(browser, `${BASE}/es/citas`, { withRepeat: false })
	};
	log(`2G: ${JSON.stringify(results.twoG)}`);

	const govuk = await govukPage(await bookingQuestion(browser));
	const govukWeight = await pageWeight(browser, govuk.url);
	govuk.close();
	const ours = results.pages['/es/citas'];
	results.govuk = {
		page: '/es/citas',
		govuk: govukWeight,
		ours: ours?.total,
		ratio: ours && govukWeight ? Number((ours.total / govukWeight.total).toFixed(2)) : undefined
	};
	log(
		`GOV.UK Frontend booking question: ${govukWeight?.total} B; ours ${ours?.total} B; ratio ${results.govuk.ratio}`
	);
	await browser.close();

	results.lighthouse = {};
	const audited = quick
		? ['/es', '/es/citas']
		: [
				'/es',
				'/es/carta-de-trato-digno',
				'/es/servicios',
				'/es/contacto',
				...FORMS.map((path) => `/es${path}`)
			];
	for (const path of audited) {
		if (!results.pages[path]) continue;
		results.lighthouse[path] = await lighthouseRun(`${BASE}${path}`);
		log(`lighthouse ${path}: ${JSON.stringify(results.lighthouse[path])}`);
	}
	results.server = {};
	const today = new Date().toISOString().slice(0, 10);
	const to = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
	results.server.slots = await load('slots (30 days)', {
		url: `${BASE}/api/v1/appointments/slots?from=${today}&to=${to}`
	});
	results.server.content = await measureContent(BASE, { seconds: quick ? 2 : 4, log });
	results.server.booking = await bookingLoad();
	results.server.lookup = await lookupLoad();
	// Idle: the load is over and the collector has had a moment.
	await new Promise((resolve) => setTimeout(resolve, 5000));
	results.server.afterLoadResidentMemoryMb = residentMemoryMb(app.child.pid);
	log(`resident memory after the load: ${results.server.afterLoadResidentMemoryMb} MB`);
	await stopApp(app);

	// Opening the database the app has already created, as on every restart: the steady state.
	// (Creating a database grows the engine's WebAssembly memory, which never shrinks.)
	const again = await startApp(app.dataDir);
	results.startup.reopenDatabaseMs = again.databaseMs;
	results.startup.reopenReadyMs = again.readyMs;
	await new Promise((resolve) => setTimeout(resolve, 5000));
	results.server.idleResidentMemoryMb = residentMemoryMb(again.child.pid);
	log(
		`restart: database ${again.databaseMs} ms, ready in ${again.readyMs} ms; idle ${results.server.idleResidentMemoryMb} MB`
	);
	// The same load again on the restarted server: what a server that was not just created holds.
	await measureContent(BASE, { seconds: quick ? 1 : 2, log: () => {} });
	await new Promise((resolve) => setTimeout(resolve, 5000));
	results.server.memory = {
		pglite: {
			idleMb: results.server.idleResidentMemoryMb,
			afterLoadMb: residentMemoryMb(again.child.pid),
			afterLoadFreshDatabaseMb: results.server.afterLoadResidentMemoryMb
		}
	};
	await stopApp(again);
	rmSync(app.dataDir, { recursive: true, force: true });
	if (POSTGRES_URL) {
		// Started twice, as on PGlite: the second start finds its database migrated.
		const first = await startApp(undefined, { DATABASE_URL: POSTGRES_URL });
		await stopApp(first);
		const pg = await startApp(first.dataDir, { DATABASE_URL: POSTGRES_URL });
		await new Promise((resolve) => setTimeout(resolve, 5000));
		const idleMb = residentMemoryMb(pg.child.pid);
		await measureContent(BASE, { seconds: quick ? 1 : 2, log: () => {} });
		await new Promise((resolve) => setTimeout(resolve, 5000));
		results.server.memory.postgres = {
			idleMb,
			afterLoadMb: residentMemoryMb(pg.child.pid),
			restartReadyMs: pg.readyMs
		};
		await stopApp(pg);
		rmSync(pg.dataDir, { recursive: true, force: true });
	}
	log(`memory per engine: ${JSON.stringify(results.server.memory)}`);

	// 500 people at the booking pages within 10 s, on each engine (bench/rush.js).
	const rushLog = (line) => log(`rush ${line}`);
	results.server.rush = {
		pglite: await measureRush({ port: PORT, clients: quick ? 100 : 500, log: rushLog })
	};
	if (POSTGRES_URL)
		results.server.rush.postgres = await measureRush({
			port: PORT,
			databaseUrl: POSTGRES_URL,
			clients: quick ? 100 : 500,
			log: rushLog
		});

	// The call room: its own app in test mode (it books a call and sets the clock).
	results.call = await measureCall();
	results.pages['/es/citas/sala/[reference]'] = { kind: 'webrtc', ...results.call.page };
	log(`call: ${JSON.stringify(results.call)}`);

	writeFileSync('bench/results.json', JSON.stringify(results, null, '\t') + '\n');
	writeFileSync('bench/results.md', markdown(results));
	log('wrote bench/results.json and bench/results.md');

	// Bookings against the database's own limit, look-ups and slots, with their own fresh app.
	log('booking, look-up and slots under a rush (bench/booking.ts)');
	const rush = spawnSync(process.execPath, ['bench/booking.ts'], {
		stdio: 'inherit',
		env: { ...process.env, BENCH_SECONDS: quick ? '3' : (process.env.BENCH_SECONDS ?? '8') }
	});
	if (rush.status !== 0) log('bench/booking.ts found 5xx answers or an overbooked slot');
}

function markdown(results) {
	const lines = ['# Benchmark results', '', `Run ${results.date} on a ${results.machine}.`, ''];
	lines.push(
		'| page | kind | HTML | CSS | JS | HTML + CSS + JS | total (bytes, compressed) |',
		'| --- | --- | ---: | ---: | ---: | ---: | ---: |'
	);
	for (const [path, p] of Object.entries(results.pages)) {
		lines.push(
			`| ${path} | ${p.kind} | ${p.html} | ${p.css} | ${p.js} | ${p.html + p.css + p.js} | ${p.total} |`
		);
	}
	lines.push(
		'',
		`GOV.UK Frontend, the same booking question page (${results.govuk.page}): ${results.govuk.govuk?.total} bytes; ours ${results.govuk.ours} bytes (ratio ${results.govuk.ratio}).`,
		''
	);
	lines.push(
		`Lighthouse (mobile), the median of ${LIGHTHOUSE_RUNS} runs per page; "runs" are every run's performance score.`,
		'',
		'| Lighthouse (mobile) | perf | runs | a11y | best practices | SEO | LCP ms | TBT ms | CLS |',
		'| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |'
	);
	for (const [path, l] of Object.entries(results.lighthouse)) {
		lines.push(
			`| ${path} | ${l.performance} | ${l.performanceRuns?.join(', ')} | ${l.accessibility} | ${l.bestPractices} | ${l.seo} | ${l.lcpMs} | ${l.tbtMs} | ${l.cls} |`
		);
	}
	lines.push(
		'',
		`Service-worker precache per language (compressed, audio excluded): ${Object.entries(
			results.precache ?? {}
		)
			.map(([lang, bytes]) => `${lang} ${bytes} B`)
			.join(', ')}.`,
		'',
		`2G (250 kbit/s, 800 ms RTT, CPU ×4): charter cold visit FCP ${results.twoG?.charter.cold.fcpMs} ms, LCP ${results.twoG?.charter.cold.lcpMs} ms; repeat visit through the service worker FCP ${results.twoG?.charter.repeat.fcpMs} ms, LCP ${results.twoG?.charter.repeat.lcpMs} ms; booking start cold visit FCP ${results.twoG?.booking.cold.fcpMs} ms, LCP ${results.twoG?.booking.cold.lcpMs} ms. Each the median of ${TWO_G_RUNS} visits by cold LCP (charter ${results.twoG?.charter.coldLcpRange?.join('–')} ms, booking start ${results.twoG?.booking.coldLcpRange?.join('–')} ms).`,
		'',
		`Server: new database created in ${results.startup.databaseOpenMs} ms; existing database opened in ${results.startup.reopenDatabaseMs} ms; resident memory after the load ${results.server.afterLoadResidentMemoryMb} MB, idle after a restart ${results.server.idleResidentMemoryMb} MB`
	);
	for (const [engine, m] of Object.entries(results.server.memory ?? {}))
		lines.push(
			`- resident memory on ${engine}: idle after a restart ${m.idleMb} MB, after the content load ${m.afterLoadMb} MB`
		);
	for (const [engine, r] of Object.entries(results.server.rush ?? {}))
		lines.push(
			`- rush on ${engine}: ${r.clients} people within ${r.arrivalSeconds} s: ${r.booked} booked, ${r.confirmed} confirmed, ${r.serverErrors} 5xx, ${r.overbookedSlots} slots over capacity; p95 per step ${Object.entries(
				r.steps
			)
				.map(([step, t]) => `${step} ${t.p95Ms} ms`)
				.join(', ')}`
		);
	for (const [name, s] of Object.entries(results.server)) {
		if (s && typeof s === 'object' && 'requestsPerSecond' in s)
			lines.push(
				`- ${name} (32 clients): ${s.requestsPerSecond} req/s, p50 ${s.p50Ms} ms, p95 ${s.p95Ms} ms, p99 ${s.p99Ms} ms${s.statuses ? ` (statuses ${JSON.stringify(s.statuses)})` : ''}`
			);
	}
	if (results.call)
		lines.push(
			'',
			`Call room: the citizen's call page ${results.call.page.total} B (JS ${results.call.page.js} B); from "Entrar" to the first remote video frame on loopback, median ${results.call.enterToFirstFrameMs.median} ms, slowest ${results.call.enterToFirstFrameMs.max} ms (${results.call.enterToFirstFrameMs.runs.length} runs).`
		);
	lines.push(
		'',
		'Bookings, look-ups and slots per engine, against the floor and the database ceiling: `npm run bench:booking` (bench/booking-results.json).'
	);
	return lines.join('\n') + '\n';
}

await main();
