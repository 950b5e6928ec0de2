import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

export const LOCALES = ['es', 'guc'] as const;

/** Every page under /[lang] without parameters, found from the routes folder itself. */
export function staticPages(): string[] {
	const root = 'src/routes/[lang=locale]';
	const found: string[] = [];
	const walk = (dir: string) => {
		for (const name of readdirSync(dir)) {
			const full = join(dir, name);
			if (statSync(full).isDirectory()) {
				if (!name.includes('[')) walk(full);
			} else if (name === '+page.svelte') {
				const path = relative(root, dir).split('\\').join('/');
				found.push(path ? `/${path}` : '');
			}
		}
	};
	walk(root);
	return found.sort();
}

/** Runs axe with the WCAG 2.2 A and AA rules and returns the violations, summarised. */
export async function axeViolations(page: Page): Promise<string[]> {
	const results = await new AxeBuilder({ page })
		.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
		.analyze();
	return results.violations.map(
		(v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`
	);
}

/** Each test starts from a clean, seeded database. */
export const test = base.extend<{ cleanDatabase: void }>({
	cleanDatabase: [
		async ({ request }, use) => {
			const response = await request.post('/__test__/reset');
			expect(response.status()).toBe(204);
			await use();
		},
		{ auto: true }
	]
});

export { expect };
