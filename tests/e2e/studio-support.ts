import type { Browser, Page } from '@playwright/test';
import { expect, STAFF_PASSWORD } from './fixtures';

/** The officials of the Wayuunaiki studio journeys. */
export const TRANSLATOR = 'traductora@example.org';
export const REVIEWER = 'revisor@example.org';

/** Creates an official with these roles (test mode) and signs this page's browser in, through the API. */
export async function signInWith(page: Page, email: string, roles: string[]): Promise<void> {
	const created = await page.request.post('/__test__/staff', {
		data: { email, roles, password: STAFF_PASSWORD }
	});
	expect(created.status()).toBe(204);
	const session = await page.request.post('/api/v1/staff/session', {
		data: { email, password: STAFF_PASSWORD }
	});
	expect(session.status()).toBe(200);
}

/** A second browser, for a second official or a citizen beside the first. */
export async function anotherBrowser(browser: Browser, baseURL: string | undefined): Promise<Page> {
	const context = await browser.newContext({ baseURL, serviceWorkers: 'block' });
	return context.newPage();
}
