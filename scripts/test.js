// Runs every check `npm test` promises, in order, and ends with one line of totals.
// `--database-only` runs just the database-backed unit suite (CI runs it again on PostgreSQL).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';

const databaseOnly = process.argv.includes('--database-only');
const results = 'test-results';
mkdirSync(results, { recursive: true });

function run(title, command) {
	console.log(`\n▶ ${title}\n  $ ${command}`);
	const started = Date.now();
	const { status } = spawnSync(command, { stdio: 'inherit', shell: true, env: process.env });
	console.log(
		`  ${status === 0 ? '✔' : '✘'} ${title} (${((Date.now() - started) / 1000).toFixed(1)} s)`
	);
	return status === 0;
}

function ensureChromium() {
	if (existsSync('/usr/bin/chromium')) return true;
	if (process.getuid?.() === 0) {
		return run(
			'Install Debian’s Chromium',
			'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium'
		);
	}
	console.error(
		'Chromium is missing: install it with `sudo apt-get install chromium` (Debian) and run npm test again.'
	);
	return false;
}

function readJson(file) {
	try {
		return JSON.parse(readFileSync(file, 'utf8'));
	} catch {
		return undefined;
	}
}

const unitReport = `${results}/${databaseOnly ? 'unit-postgres' : 'unit'}.json`;
const e2eReport = `${results}/e2e.json`;
const reliabilityReport = `${results}/reliability-vitest.json`;
rmSync(reliabilityReport, { force: true });
rmSync(unitReport, { force: true });
rmSync(e2eReport, { force: true });

const steps = databaseOnly
	? [
			[
				'Unit and database tests',
				`vitest run --reporter=default --reporter=json --outputFile=${unitReport}`
			]
		]
	: [
			['Formatting (prettier)', 'prettier --check .'],
			['Lint (eslint)', 'eslint . --max-warnings 0'],
			[
				'Types (svelte-check)',
				'svelte-kit sync && svelte-check --tsconfig ./tsconfig.json --fail-on-warnings'
			],
			['Locales', 'node scripts/check-locales.js'],
			['Plain language (check:content)', 'node scripts/check-content.js'],
			[
				'Unit and database tests (vitest)',
				`vitest run --reporter=default --reporter=json --outputFile=${unitReport}`
			],
			['Production build', 'vite build'],
			[
				'Reliability: fuzz, scale-out, kill -9, headers, logs, backup (vitest)',
				`vitest run --config vitest.reliability.config.ts --reporter=default --reporter=json --outputFile=${reliabilityReport}`
			],
			[
				'Journeys in Chromium (playwright)',
				`PLAYWRIGHT_JSON_OUTPUT_NAME=${e2eReport} playwright test --reporter=list,json`
			]
		];

let ok = databaseOnly || ensureChromium();
for (const [title, command] of steps) {
	if (!ok) break;
	ok = run(title, command);
}

const unit = readJson(unitReport);
const e2e = readJson(e2eReport);
const reliability = readJson(reliabilityReport);
const passed =
	(unit?.numPassedTests ?? 0) +
	(reliability?.numPassedTests ?? 0) +
	(e2e?.stats?.expected ?? 0) +
	(e2e?.stats?.flaky ?? 0);
// A failing lint or build step counts as one failure even though no test ran.
const counted =
	(unit?.numFailedTests ?? 0) + (reliability?.numFailedTests ?? 0) + (e2e?.stats?.unexpected ?? 0);
const failed = counted || (ok ? 0 : 1);
const skipped =
	(unit?.numPendingTests ?? 0) + (reliability?.numPendingTests ?? 0) + (e2e?.stats?.skipped ?? 0);

/**
 * The first lines of each attempt's error, without colours: CI keeps only the end of its log, so
 * the reason of a failure is printed there with its name.
 */
function reasons(messages) {
	return messages
		.map((message, attempt) => ({ message, attempt }))
		.filter(({ message }) => message)
		.map(
			({ message, attempt }) =>
				`  attempt ${attempt + 1}: ${String(message)
					// eslint-disable-next-line no-control-regex
					.replace(/\u001b\[[0-9;]*m/g, '')
					.split('\n')
					.map((line) => line.trim())
					// Not the source lines Playwright quotes: the test's file has them.
					.filter((line) => line && !/^>?\s*\d+\s*\|/.test(line) && !/^\|\s*\^/.test(line))
					.slice(0, 4)
					.join(' | ')
					.slice(0, 400)}`
		);
}

/** Vitest's failed tests, each with its reasons. */
function vitestFailures(report) {
	return (report?.testResults ?? []).flatMap((file) =>
		(file.assertionResults ?? [])
			.filter((test) => test.status === 'failed')
			.map((test) =>
				[
					`${file.name.replace(`${process.cwd()}/`, '')}: ${test.fullName}`,
					...reasons(test.failureMessages ?? [])
				].join('\n')
			)
	);
}

/** Playwright's tests whose last run was `status` ('unexpected' failed, 'flaky' passed on retry). */
function journeys(report, status) {
	const walk = (suite) => [
		...(suite.specs ?? []).flatMap((spec) =>
			spec.tests
				.filter((test) => test.status === status)
				.map((test) =>
					[
						`${spec.file}: ${spec.title}`,
						...reasons(
							(test.results ?? []).map((result) =>
								(result.errors ?? []).map((error) => error.message).join('\n')
							)
						)
					].join('\n')
				)
		),
		...(suite.suites ?? []).flatMap(walk)
	];
	return (report?.suites ?? []).flatMap(walk);
}

const failures = [
	...vitestFailures(unit),
	...vitestFailures(reliability),
	...journeys(e2e, 'unexpected')
];
const flaky = journeys(e2e, 'flaky');
writeFileSync(
	`${results}/${databaseOnly ? 'counts-postgres' : 'counts'}.json`,
	JSON.stringify({ passed, failed, skipped, failures, flaky })
);
const list = (title, names) =>
	names.length > 0 && console.log(`\n${title}:\n- ${names.join('\n- ')}`);
list('Failed', failures);
list('Passed only when run again', flaky);
// CI shows the end of its log: the PostgreSQL run (last) repeats what failed in the first run.
if (databaseOnly) {
	const first = readJson(`${results}/counts.json`);
	list('Failed in the first run (npm test)', first?.failures ?? []);
	list('Passed only when run again in the first run (npm test)', first?.flaky ?? []);
}
console.log(`\n${ok ? 'All checks passed.' : 'Some checks failed.'}`);
console.log(`Tests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(ok ? 0 : 1);
