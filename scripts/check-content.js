// The plain-language gate: every section of Spanish content must score at least 70 on the
// Fernández Huerta scale, have no sentence over 30 words, and explain every acronym in the
// glossary. Prints every section's score. Loads the same TypeScript modules the app uses.
import { fileURLToPath } from 'node:url';
import { runnerImport } from 'vite';

const lib = fileURLToPath(new URL('../src/lib', import.meta.url));
const { module } = await runnerImport('/src/lib/content/quality.ts', {
	configFile: false,
	logLevel: 'error',
	resolve: { alias: { $lib: lib } }
});

const reports = module.checkContent();
console.log(
	'Plain-language check (Fernández Huerta ≥ 70, sentences ≤ 30 words, acronyms explained):'
);
console.log(`  ${'section'.padEnd(58)} score  words  sentences`);
for (const report of reports) {
	const mark = report.problems.length ? '✘' : '✔';
	console.log(
		`${mark} ${report.id.padEnd(58)} ${report.score.toFixed(1).padStart(5)}  ${String(report.words).padStart(5)}  ${String(report.sentences).padStart(9)}`
	);
	for (const problem of report.problems) console.log(`    - ${problem}`);
}
const states = module.translationStates();
console.log(
	`Wayuunaiki (guc) content blocks: ${states.reviewed} reviewed, ${states.draft} draft, ${states.missing} missing (shown in Spanish).`
);
const failed = reports.filter((report) => report.problems.length);
if (failed.length) {
	console.error(
		`\ncheck:content: ${failed.length} of ${reports.length} section(s) need plainer Spanish.`
	);
	process.exit(1);
}
console.log(`check:content: all ${reports.length} sections are plain enough.`);
