import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isStale } from './build-if-stale.js';

describe('npm start builds only when needed', () => {
	let root: string;
	const touch = (path: string, secondsAgo: number) => {
		const full = join(root, path);
		mkdirSync(join(full, '..'), { recursive: true });
		writeFileSync(full, '');
		const at = new Date(Date.UTC(2030, 0, 1) - secondsAgo * 1000);
		utimesSync(full, at, at);
		utimesSync(join(full, '..'), at, at);
	};

	beforeEach(() => {
		root = mkdtempSync(join(tmpdir(), 'ventanilla-build-'));
	});
	afterEach(() => rmSync(root, { recursive: true, force: true }));

	it('builds when there is no build yet', () => {
		touch('src/routes/+page.svelte', 60);
		expect(isStale(root)).toBe(true);
	});

	it('keeps a build that is newer than every source', () => {
		touch('src/lib/deep/rule.ts', 120);
		touch('locales/es/common.json', 90);
		touch('build/handler.js', 30);
		expect(isStale(root)).toBe(false);
	});

	it('rebuilds when a source deep in a folder changed after the build', () => {
		touch('build/handler.js', 60);
		touch('src/lib/deep/rule.ts', 10);
		expect(isStale(root)).toBe(true);
	});

	it('rebuilds when a translation changed after the build', () => {
		touch('src/app.html', 120);
		touch('build/handler.js', 60);
		touch('locales/guc/common.json', 5);
		expect(isStale(root)).toBe(true);
	});
});
