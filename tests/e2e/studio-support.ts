import type { Browser, Page } from '@playwright/test';
import { signInAsStaff } from './fixtures';

/** The officials of the Wayuunaiki studio journeys. */
export const TRANSLATOR = 'traductora@example.org';
export const REVIEWER = 'revisor@example.org';

/** Creates an official with these roles (test mode) and signs this page's browser in. */
export async function signInWith(page: Page, email: string, roles: string[]): Promise<void> {
	await signInAsStaff(page, 'agent', { email, roles });
}

/** A second browser, for a second official or a citizen beside the first. */
export async function anotherBrowser(browser: Browser, baseURL: string | undefined): Promise<Page> {
	const context = await browser.newContext({ baseURL, serviceWorkers: 'block' });
	return context.newPage();
}
