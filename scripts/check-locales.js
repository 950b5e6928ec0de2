// Checks the locale files: Spanish is the source; Wayuunaiki strings carry a review state.
// Fails on blank strings, Wayuunaiki keys that Spanish lacks, and Spanish keys no code uses.
// Prints the review state of the Wayuunaiki strings per namespace (every key with --list).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const PLURAL = /_(zero|one|two|few|many|other)$/;
const list = process.argv.includes('--list');
const problems = [];

function flatten(value, prefix, out) {
	if (typeof value === 'string') out.set(prefix, value);
	else if (value && typeof value === 'object' && !Array.isArray(value)) {
		for (const [key, child] of Object.entries(value))
			flatten(child, prefix ? `${prefix}.${key}` : key, out);
	} else problems.push(`${prefix}: only strings and objects are allowed`);
	return out;
}

function readLocale(lang) {
	const keys = new Map();
	for (const file of readdirSync(join('locales', lang)).filter((f) => f.endsWith('.json'))) {
		const ns = file.slice(0, -'.json'.length);
		const data = JSON.parse(readFileSync(join('locales', lang, file), 'utf8'));
		for (const [key, value] of flatten(data, '', new Map())) keys.set(`${ns}:${key}`, value);
	}
	return keys;
}

function sourceText(dir) {
	let text = '';
	for (const name of readdirSync(dir)) {
		const full = join(dir, name);
		if (statSync(full).isDirectory()) text += sourceText(full);
		else if (/\.(ts|js|svelte)$/.test(name) && !/\.spec\.ts$/.test(name))
			text += readFileSync(full, 'utf8') + '\n';
	}
	return text;
}

const es = readLocale('es');
const guc = readLocale('guc');
const review = JSON.parse(readFileSync('locales/guc.review.json', 'utf8'));
const namespaces = new Set([...es.keys()].map((key) => key.split(':')[0]));

for (const [key, value] of [...es, ...guc])
	if (!value.trim()) problems.push(`${key}: blank string`);
for (const key of guc.keys()) if (!es.has(key)) problems.push(`${key}: in guc but not in es`);
for (const key of Object.keys(review)) {
	if (!es.has(key)) problems.push(`${key}: review state for a key that does not exist`);
	if (!['reviewed', 'draft'].includes(review[key]))
		problems.push(`${key}: review state must be reviewed or draft`);
}

// A key is used when the source names it, literally or through an interpolated template.
const source = sourceText('src');
const nsPattern = [...namespaces].join('|');
const patterns = [
	...source.matchAll(new RegExp(`\\b(?:${nsPattern}):(?:[\\w.-]|\\$?\\{[^}]*\\})*`, 'g'))
].map(([found]) => {
	const literal = found.replace(/['"`].*$/, '');
	const escaped = literal
		.split(/\{[^}]*\}|\$\{[^}]*\}/)
		.map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
		.join('[\\w.-]+');
	return new RegExp(`^${escaped.replace(/[$\\[]+$/, '')}`);
});
// Problem texts (`<ns>:problems.<CODE>.title`) are used when their code appears in the source.
const problemCode = /^[a-z]+:problems\.([A-Z_]+)\./;
for (const key of es.keys()) {
	const base = key.replace(PLURAL, '');
	const code = problemCode.exec(base)?.[1];
	if (code && new RegExp(`['"\`]${code}['"\`]`).test(source)) continue;
	if (!patterns.some((pattern) => pattern.test(base) && pattern.source.length > 4)) {
		problems.push(`${key}: not used by any code`);
	}
}

// Review state of every Wayuunaiki string.
const states = new Map();
for (const key of es.keys()) {
	const state = guc.has(key) ? (review[key] === 'reviewed' ? 'reviewed' : 'draft') : 'missing';
	const ns = key.split(':')[0];
	const counts = states.get(ns) ?? { reviewed: 0, draft: 0, missing: 0 };
	counts[state] += 1;
	states.set(ns, counts);
	if (list) console.log(`  ${state.padEnd(8)} ${key}`);
}
console.log('Wayuunaiki (guc) review state by namespace:');
let total = { reviewed: 0, draft: 0, missing: 0 };
for (const [ns, c] of [...states].sort()) {
	const all = c.reviewed + c.draft + c.missing;
	console.log(
		`  ${ns.padEnd(14)} ${String(Math.round((100 * c.reviewed) / all)).padStart(3)}% reviewed  (${c.reviewed} reviewed, ${c.draft} draft, ${c.missing} missing)`
	);
	total = {
		reviewed: total.reviewed + c.reviewed,
		draft: total.draft + c.draft,
		missing: total.missing + c.missing
	};
}
console.log(
	`  ${'all'.padEnd(14)} ${total.reviewed} reviewed, ${total.draft} draft, ${total.missing} missing of ${es.size} strings`
);

if (problems.length) {
	console.error(`\ncheck:locales found ${problems.length} problem(s):`);
	for (const problem of problems) console.error(`  - ${problem}`);
	process.exit(1);
}
console.log('check:locales: all locale files are consistent.');
