// `npm run bench:check`: compares bench/results.json (from `npm run bench`) with bench/budgets.json.
// Prints one line per budget and exits 1 when any is missed; figures not measured are reported as such.
import { existsSync, readFileSync } from 'node:fs';

const budgets = JSON.parse(readFileSync('bench/budgets.json', 'utf8'));
const results = JSON.parse(readFileSync('bench/results.json', 'utf8'));
const rows = [];

function check(name, actual, limit, atMost = true) {
	if (actual === undefined || actual === null) {
		rows.push({ name, status: 'not measured', actual: '—', limit });
		return;
	}
	const ok = atMost ? actual <= limit : actual >= limit;
	rows.push({
		name,
		status: ok ? 'ok' : 'MISSED',
		actual,
		limit: `${atMost ? '≤' : '≥'} ${limit}`
	});
}

// Every citizen page on a first visit: its HTML, styles and scripts in 30 KB, scripts in 14 KB
// (40 KB where WebRTC is needed); content pages in one round trip and 6 KB of script.
for (const [path, page] of Object.entries(results.pages ?? {})) {
	const jsBudget =
		page.kind === 'content'
			? budgets.contentPage.maxJsBytes
			: page.kind === 'webrtc'
				? budgets.webrtcPage.maxJsBytes
				: budgets.citizenPage.maxJsBytes;
	check(`${path} JS bytes`, page.js, jsBudget);
	if (page.kind !== 'webrtc') {
		check(
			`${path} HTML + CSS + JS bytes`,
			page.html + page.css + page.js,
			budgets.citizenPage.maxHtmlCssAndJsBytes
		);
	}
	if (page.kind === 'content') {
		check(`${path} HTML + CSS bytes`, page.html + page.css, budgets.contentPage.maxHtmlAndCssBytes);
	}
}
for (const [locale, bytes] of Object.entries(results.precache ?? {})) {
	check(`precache ${locale} bytes`, bytes, budgets.precache.maxBytesPerLocale);
}
// The form pages are always listed: an audit that did not run shows as "not measured".
const forms = budgets.lighthouse.formPages;
const audited = [...new Set([...forms, ...Object.keys(results.lighthouse ?? {})])];
for (const path of audited) {
	const l = results.lighthouse?.[path];
	check(`${path} accessibility`, l?.accessibility, budgets.lighthouse.accessibility, false);
	check(`${path} best practices`, l?.bestPractices, budgets.lighthouse.bestPractices, false);
	check(`${path} SEO`, l?.seo, budgets.lighthouse.seo, false);
	check(
		`${path} performance`,
		l?.performance,
		forms.includes(path)
			? budgets.lighthouse.formPerformance
			: budgets.lighthouse.contentPerformance,
		false
	);
}
const twoG = results.twoG ?? {};
check('2G charter cold visit LCP ms', twoG.charter?.cold.lcpMs, budgets.twoG.coldPaintMs);
check('2G charter repeat visit LCP ms', twoG.charter?.repeat.lcpMs, budgets.twoG.repeatPaintMs);
check(
	'2G booking start cold visit LCP ms',
	twoG.booking?.cold.lcpMs,
	budgets.twoG.bookingColdLcpMs
);
check(
	'call: "Entrar" to first remote frame, median ms',
	results.call?.enterToFirstFrameMs.median,
	budgets.webrtcPage.enterToFirstFrameMs
);
const server = results.server ?? {};
check('slots p95 ms', server.slots?.p95Ms, budgets.server.slotsP95Ms);
// The published pages against the health floor of the same run (bench/content.js).
for (const [path, page] of Object.entries(server.content?.pages ?? {})) {
	check(`${path} / health floor rate`, page.toFloor, budgets.server.contentToFloorRatio, false);
	check(`${path} p95 ms`, page.p95Ms, budgets.server.contentP95Ms);
}
// Bookings, look-ups and slots under a rush, once per engine (`npm run bench:booking`), bookings
// against the database ceiling of the same run (vt_book sent straight to the database).
const rush = existsSync('bench/booking-results.json')
	? JSON.parse(readFileSync('bench/booking-results.json', 'utf8'))
	: {};
for (const [engine, name] of [
	['pglite', 'PGlite'],
	['postgres', 'PostgreSQL']
]) {
	const run = rush[engine]?.current;
	check(`booking p95 ms (${name})`, run?.booking.p95Ms, budgets.server.bookingP95Ms);
	check(
		`booking / database ceiling (${name})`,
		run?.bookingToCeiling,
		budgets.server.bookingToCeilingRatio,
		false
	);
	check(`look-up p95 ms (${name})`, run?.lookup.p95Ms, budgets.server.lookupP95Ms);
	check(`slots p95 ms (${name})`, run?.slots.p95Ms, budgets.server.slotsP95Ms);
	check(`slots over capacity (${name})`, run?.overbookedSlots, 0);
}
// The petitions desk's queue with 50,000 petitions (`npm run bench:queue`, once per engine).
const queue = existsSync('bench/queue-results.json')
	? JSON.parse(readFileSync('bench/queue-results.json', 'utf8'))
	: {};
for (const [engine, name] of [
	['pglite', 'PGlite'],
	['postgres', 'PostgreSQL']
]) {
	check(`queue API p95 ms (${name})`, queue[engine]?.api.p95Ms, budgets.server.queueP95Ms);
	check(`queue page p95 ms (${name})`, queue[engine]?.page.p95Ms, budgets.server.queueP95Ms);
}
check('database open ms', results.startup?.reopenDatabaseMs, budgets.server.databaseOpenMs);
check('restart: healthy ms', results.startup?.reopenReadyMs, budgets.server.restartReadyMs);
// Resident memory per engine: idle after a restart, and after the load (bench/run.js).
for (const [engine, name] of [
	['pglite', 'PGlite'],
	['postgres', 'PostgreSQL']
]) {
	check(
		`idle resident memory MB (${name})`,
		server.memory?.[engine]?.idleMb ??
			(engine === 'pglite' ? server.idleResidentMemoryMb : undefined),
		budgets.server.idleResidentMemoryMb[engine]
	);
	check(
		`resident memory after the load MB (${name})`,
		server.memory?.[engine]?.afterLoadMb,
		budgets.server.loadResidentMemoryMb
	);
	// The rush (bench/rush.js): no server error, no slot over its capacity.
	const rush = server.rush?.[engine];
	check(`rush: 5xx answers (${name})`, rush?.serverErrors, 0);
	check(
		`rush: slots over capacity (${name})`,
		rush ? rush.overbookedSlots + rush.slotCountersWrong : undefined,
		0
	);
}

const width = Math.max(...rows.map((r) => r.name.length));
for (const row of rows)
	console.log(`${row.status.padEnd(12)} ${row.name.padEnd(width)}  ${row.actual}  (${row.limit})`);
const govuk = results.govuk ?? {};
console.log(
	`\nGOV.UK Frontend, the same booking question page (${govuk.page}): ${govuk.govuk?.total} B; ours ${govuk.ours} B; ratio ${govuk.ratio}.`
);
const missed = rows.filter((r) => r.status === 'MISSED').length;
console.log(`\nbench:check: ${rows.length - missed} within budget, ${missed} missed.`);
process.exit(missed ? 1 : 0);
