import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROUTE_NAMESPACES, routeNamespaces } from './route-namespaces';
import { NAMESPACES } from './translator';

const ROUTES = 'src/routes/[lang=locale]';
const KEY = new RegExp(`['"\`{](${NAMESPACES.join('|')}):[\\w{]`, 'g');

const COMPONENT = /from '\$lib\/([^']+\.svelte)'/g;

/** The namespaces a file names, and those of the components it uses, all the way down. */
function namesIn(file: string, named: Set<string>, seen = new Set<string>()): void {
	if (seen.has(file)) return;
	seen.add(file);
	const text = readFileSync(file, 'utf8');
	for (const match of text.matchAll(KEY)) named.add(match[1]!);
	for (const match of text.matchAll(COMPONENT)) {
		// `$lib/x.svelte` is a component, or a module with runes in `x.svelte.ts`.
		const path = join('src/lib', match[1]!);
		namesIn(existsSync(path) ? path : `${path}.ts`, named, seen);
	}
}

function sources(folder: string): string[] {
	return readdirSync(folder, { withFileTypes: true, recursive: true })
		.filter((entry) => entry.isFile() && /\.(svelte|ts)$/.test(entry.name))
		.filter((entry) => !entry.name.endsWith('.server.ts') && !entry.name.includes('.spec.'))
		.map((entry) => join(entry.parentPath, entry.name));
}

describe('route namespaces', () => {
	it.each(Object.keys(ROUTE_NAMESPACES).filter(Boolean))(
		'sends every namespace the %s pages and their components name',
		(segment) => {
			const named = new Set<string>();
			for (const file of sources(join(ROUTES, segment))) namesIn(file, named);
			const sent = routeNamespaces(`/[lang=locale]/${segment}`) ?? NAMESPACES;
			expect([...named].filter((ns) => !sent.includes(ns))).toEqual([]);
		}
	);

	it('sends every namespace to pages it does not know', () => {
		expect(routeNamespaces('/[lang=locale]/ventanilla-nueva')).toBeUndefined();
	});

	it('sends the shared namespaces with the home page', () => {
		expect(routeNamespaces('/[lang=locale]')).toEqual(expect.arrayContaining(['common', 'home']));
	});
});
