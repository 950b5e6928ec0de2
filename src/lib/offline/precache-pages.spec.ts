import { describe, expect, it } from 'vitest';
import { allPrecachedPages, offlinePageFor, precachedPages } from './precache-pages';

describe('precached pages', () => {
	it('keeps the home, charter, portfolio, glossary, Mis trámites, the PQRSD form, offline page and manifest per language', () => {
		expect(precachedPages('guc')).toEqual(
			expect.arrayContaining([
				'/guc',
				'/guc/carta-de-trato-digno',
				'/guc/servicios',
				'/guc/servicios/subsidio-de-gas-en-cilindro',
				'/guc/glosario',
				'/guc/mis-tramites',
				'/guc/pqrsd',
				'/guc/sin-conexion',
				'/guc/manifest.webmanifest'
			])
		);
		expect(allPrecachedPages()).toHaveLength(2 * precachedPages('es').length);
	});

	it('answers a page that needs the network with the offline page of its language', () => {
		expect(offlinePageFor('/guc/citas')).toBe('/guc/sin-conexion');
		expect(offlinePageFor('/es/radicado/1-2026-000123')).toBe('/es/sin-conexion');
		expect(offlinePageFor('/')).toBe('/es/sin-conexion');
		expect(offlinePageFor('/xx/citas')).toBe('/es/sin-conexion');
	});
});
