import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROUTE_NAMESPACES, routeNamespaces } from './route-namespaces';
import { NAMESPACES } from './translator';

const ROUTES = 'src/routes/[lang=locale]';
const KEY = new RegExp(`['"\`{](${NAMESPACES.join('|')}):[\\w{]`, 'g');

function sources(folder: string): string[] {
	return readdirSync(folder, { withFileTypes: true, recursive: true })
		.filter((entry) => entry.isFile() && /\.(svelte|ts)$/.test(entry.name))
		.filter((entry) => !entry.name.endsWith('.server.ts') && !entry.name.includes('.spec.'))
		.map((entry) => join(entry.parentPath, entry.name));
}

describe('route namespaces', () => {
	it.each(Object.keys(ROUTE_NAMESPACES).filter(Boolean))(
		'sends every namespace the %s pages name',
		(segment) => {
			const named = new Set<string>();
			for (const file of sources(join(ROUTES, segment))) {
				const text = readFileSync(file, 'utf8');
				// The shared components a page uses name namespaces too.
				const used = [...text.matchAll(/from '\$lib\/components\/([\w/]+\.svelte)'/g)].map((m) =>
					readFileSync(join('src/lib/components', m[1]!), 'utf8')
				);
				for (const source of [text, ...used]) {
					for (const match of source.matchAll(KEY)) named.add(match[1]!);
				}
			}
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
