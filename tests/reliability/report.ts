// Each reliability test records what it tried and what survived in test-results/reliability.json
// (and prints it), so the numbers can be quoted.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';

const FILE = 'test-results/reliability.json';

export function report(name: string, figures: Record<string, unknown>): void {
	mkdirSync('test-results', { recursive: true });
	let all: Record<string, unknown>;
	try {
		all = JSON.parse(readFileSync(FILE, 'utf8')) as Record<string, unknown>;
	} catch {
		all = {};
	}
	all[name] = figures;
	writeFileSync(FILE, JSON.stringify(all, null, '\t'));
	console.log(`[reliability] ${name}: ${JSON.stringify(figures)}`);
}
