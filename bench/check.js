// `npm run bench:check`: compares bench/results.json (from `npm run bench`) with bench/budgets.json.
// Prints one line per budget and exits 1 when any is missed; figures not measured are reported as such.
import { readFileSync } from 'node:fs';

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

for (const [path, page] of Object.entries(results.pages ?? {})) {
	if (page.kind === 'content') {
		check(`${path} JS bytes`, page.js, budgets.contentPage.maxJsBytes);
		check(`${path} total bytes`, page.total, budgets.contentPage.maxTotalBytes);
		check(`${path} HTML + CSS bytes`, page.html + page.css, budgets.contentPage.maxHtmlAndCssBytes);
	} else {
		check(`${path} JS bytes`, page.js, budgets.interactivePage.maxJsBytes);
		check(`${path} total bytes`, page.total, budgets.interactivePage.maxTotalBytes);
	}
}
for (const [locale, bytes] of Object.entries(results.precache ?? {})) {
	check(`precache ${locale} bytes`, bytes, budgets.precache.maxBytesPerLocale);
}
const content = new Set(
	Object.entries(results.pages ?? {})
		.filter(([, p]) => p.kind === 'content')
		.map(([path]) => path)
);
for (const [path, l] of Object.entries(results.lighthouse ?? {})) {
	check(`${path} accessibility`, l.accessibility, budgets.lighthouse.accessibility, false);
	check(`${path} best practices`, l.bestPractices, budgets.lighthouse.bestPractices, false);
	check(`${path} SEO`, l.seo, budgets.lighthouse.seo, false);
	check(
		`${path} performance`,
		l.performance,
		content.has(path)
			? budgets.lighthouse.contentPerformance
			: budgets.lighthouse.interactivePerformance,
		false
	);
}
const call = results.call;
check('call page JS bytes', call?.page.js, budgets.callPage.maxJsBytes);
check('call page total bytes', call?.page.total, budgets.callPage.maxTotalBytes);
check('camera check JS bytes', call?.checkPage.js, budgets.callPage.maxJsBytes);
check(
	'call: "Entrar" to first remote frame, median ms',
	call?.enterToFirstFrameMs.median,
	budgets.callPage.enterToFirstFrameMs
);
check('2G charter cold visit LCP ms', results.twoG?.cold.lcpMs, budgets.twoG.coldPaintMs);
check('2G charter repeat visit LCP ms', results.twoG?.repeat.lcpMs, budgets.twoG.repeatPaintMs);
const server = results.server ?? {};
check('slots p95 ms', server.slots?.p95Ms, budgets.server.slotsP95Ms);
check('booking p95 ms', server.booking?.p95Ms, budgets.server.bookingP95Ms);
check(
	'booking / raw insert rate',
	server.booking
		? Number((server.booking.requestsPerSecond / server.rawInsertsPerSecond).toFixed(2))
		: undefined,
	budgets.server.bookingToRawInsertRatio,
	false
);
check('look-up p95 ms', server.lookup?.p95Ms, budgets.server.lookupP95Ms);
check('database open ms', results.startup?.reopenDatabaseMs, budgets.server.databaseOpenMs);
check('idle resident memory MB', server.idleResidentMemoryMb, budgets.server.idleResidentMemoryMb);

const width = Math.max(...rows.map((r) => r.name.length));
for (const row of rows)
	console.log(`${row.status.padEnd(12)} ${row.name.padEnd(width)}  ${row.actual}  (${row.limit})`);
const missed = rows.filter((r) => r.status === 'MISSED').length;
console.log(`\nbench:check: ${rows.length - missed} within budget, ${missed} missed.`);
process.exit(missed ? 1 : 0);
