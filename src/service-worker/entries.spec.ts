import { describe, expect, it } from 'vitest';
import { precacheEntries } from './entries';

describe('precache entries', () => {
	const entries = precacheEntries({
		build: [
			'/_app/immutable/entry/start.abc.js',
			'/_app/immutable/workers/register-abc.js',
			'/_app/immutable/assets/0.abc.css',
			'/_app/version.json'
		],
		files: ['/favicon.svg', '/robots.txt', '/audio/es/carta-1.opus'],
		pages: ['/es', '/es/sin-conexion'],
		version: '1700000000000'
	});

	it('keeps the page scripts and styles, hashed, and revises everything else per deployment', () => {
		expect(entries).toEqual([
			{ url: '/_app/immutable/workers/register-abc.js', revision: null },
			{ url: '/_app/immutable/assets/0.abc.css', revision: null },
			{ url: '/favicon.svg', revision: '1700000000000' },
			{ url: '/es', revision: '1700000000000' },
			{ url: '/es/sin-conexion', revision: '1700000000000' }
		]);
	});

	it('leaves out the framework client code, which no page loads', () => {
		expect(entries.map((e) => e.url)).not.toContain('/_app/immutable/entry/start.abc.js');
	});

	it('revises the pages, and only them, with the published content it was registered for', () => {
		const kept = (content: string) =>
			precacheEntries({
				build: [],
				files: ['/favicon.svg'],
				pages: ['/es/contacto'],
				version: '1700000000000',
				content
			});
		expect(kept('abc')).toEqual([
			{ url: '/favicon.svg', revision: '1700000000000' },
			{ url: '/es/contacto', revision: '1700000000000:abc' }
		]);
		expect(kept('def')[1]!.revision).not.toBe(kept('abc')[1]!.revision);
	});

	it('leaves audio to be downloaded on request', () => {
		expect(entries.map((e) => e.url)).not.toContain('/audio/es/carta-1.opus');
	});
});
