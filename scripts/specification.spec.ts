import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// The product's specification names these packages: requirements, not choices. Replacing one with
// code of our own (as once happened to i18next) fails here.
const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as {
	dependencies: Record<string, string>;
	devDependencies: Record<string, string>;
};

describe('the packages the specification names', () => {
	it.each(['i18next', 'workbox-window', 'ics'])('%s is a dependency of the running app', (name) => {
		expect(manifest.dependencies[name]).toBeDefined();
	});

	it.each(['@sveltejs/kit', '@sveltejs/adapter-node', 'axe-core', 'vitest', '@playwright/test'])(
		'%s is in package.json',
		(name) => {
			expect(manifest.dependencies[name] ?? manifest.devDependencies[name]).toBeDefined();
		}
	);

	it('SvelteKit stays on version 2', () => {
		expect(manifest.devDependencies['@sveltejs/kit']).toMatch(/^[\^~]?2\./);
	});
});
