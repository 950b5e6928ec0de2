import { describe, expect, it } from 'vitest';
import { translator } from '$lib/i18n/translator';
import { crossSiteForm, crossSiteRefusal } from './cross-site';
import { requestEvent } from './request-event';

const { t } = await translator('es');

function post(path: string, origin: string, params: Record<string, string> = {}) {
	return requestEvent(path, {
		method: 'POST',
		headers: { origin, 'content-type': 'application/x-www-form-urlencoded' },
		body: 'consent=yes',
		params
	});
}

describe('a form posted from another site', () => {
	it('is told apart from one posted by the page itself', () => {
		const foreign = post('/es/pqrsd', 'https://evil.example');
		const own = post('/es/pqrsd', 'http://localhost');
		expect(crossSiteForm(foreign.request, foreign.url)).toBe(true);
		expect(crossSiteForm(own.request, own.url)).toBe(false);
	});

	it('gets a refusal page in the language of the address', async () => {
		const response = await crossSiteRefusal(
			post('/es/pqrsd', 'https://evil.example', { lang: 'es' })
		);
		expect(response.status).toBe(403);
		expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
		expect(response.headers.get('content-language')).toBe('es');
		const html = await response.text();
		expect(html).toContain('<html lang="es">');
		expect(html).toContain(`<h1>${t('problems:CROSS_SITE_FORM.title')}</h1>`);
		expect(html).toContain(t('problems:CROSS_SITE_FORM.detail'));
		expect(html).not.toContain('forbidden');
	});

	it('marks Spanish text on a Wayuunaiki page as Spanish', async () => {
		const response = await crossSiteRefusal(
			post('/guc/pqrsd', 'https://evil.example', { lang: 'guc' })
		);
		const html = await response.text();
		expect(html).toContain('<html lang="guc">');
		expect(html).toMatch(/<h1>(<span lang="es">)?[^<]+(<\/span>)?<\/h1>/);
	});

	it('answers the API with problem+json', async () => {
		const response = await crossSiteRefusal(post('/api/v1/radicados', 'https://evil.example'));
		expect(response.status).toBe(403);
		expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
		expect((await response.json()).code).toBe('CROSS_SITE_FORM');
	});
});
