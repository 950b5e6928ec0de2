import { describe, expect, it } from 'vitest';
import { precacheEntries } from './entries';

describe('precache entries', () => {
	const entries = precacheEntries({
		build: ['/_app/immutable/entry/start.abc.js', '/_app/version.json'],
		files: ['/favicon.svg', '/robots.txt', '/audio/es/carta-1.opus'],
		pages: ['/es', '/es/sin-conexion'],
		version: '1700000000000'
	});

	it('needs no revision for hashed build files and revises everything else per deployment', () => {
		expect(entries).toEqual([
			{ url: '/_app/immutable/entry/start.abc.js', revision: null },
			{ url: '/_app/version.json', revision: '1700000000000' },
			{ url: '/favicon.svg', revision: '1700000000000' },
			{ url: '/es', revision: '1700000000000' },
			{ url: '/es/sin-conexion', revision: '1700000000000' }
		]);
	});

	it('leaves audio to be downloaded on request', () => {
		expect(entries.map((e) => e.url)).not.toContain('/audio/es/carta-1.opus');
	});
});
