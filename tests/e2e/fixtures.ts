import AxeBuilder from '@axe-core/playwright';
import {
	test as base,
	expect,
	type APIRequestContext,
	type Locator,
	type Page
} from '@playwright/test';
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { StaffRole } from '../../src/lib/domain/staff-roles';

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

export interface Email {
	to: string;
	subject: string;
	text: string;
	html: string;
	attachments: { filename: string; contentType: string; content: string }[];
}

/** What the loopback SMTP server received (see tests/support/mailbox.js). */
export const mailbox = {
	async messages(): Promise<Email[]> {
		return (await fetch(`${process.env.E2E_MAILBOX_URL}/messages`)).json();
	},
	/** Waits until a message to `to` arrives whose subject matches, and returns it. */
	async waitFor(to: string, subject: RegExp, timeoutMs = 10_000): Promise<Email> {
		const deadline = Date.now() + timeoutMs;
		while (Date.now() < deadline) {
			const found = (await mailbox.messages()).find(
				(m) => m.to.includes(to) && subject.test(m.subject)
			);
			if (found) return found;
			await new Promise((resolve) => setTimeout(resolve, 200));
		}
		throw new Error(`No email to ${to} matching ${subject} within ${timeoutMs} ms`);
	},
	async clear(): Promise<void> {
		await fetch(`${process.env.E2E_MAILBOX_URL}/messages`, { method: 'DELETE' });
	}
};

/** Presses Tab until `target` has focus, as a keyboard user would; fails after `max` presses. */
export async function tabTo(page: Page, target: Locator, max = 80): Promise<void> {
	for (let i = 0; i < max; i++) {
		if (await target.evaluate((el) => el === document.activeElement)) return;
		await page.keyboard.press('Tab');
	}
	throw new Error('Could not reach the element with the Tab key');
}

/** Sets the app's clock (test mode only); null lets it run free again. */
export async function setClock(request: APIRequestContext, now: string | null): Promise<void> {
	const response = await request.post('/__test__/clock', { data: { now } });
	expect(response.status()).toBe(204);
}

/** What the API answers for a booking: enough to manage it afterwards. */
export interface Booked {
	reference: string;
	manageToken: string;
	[field: string]: unknown;
}

/** The key of the link that confirms booking `reference`, from the email sent to `to`. */
export async function confirmationKey(to: string, reference: string): Promise<string> {
	const email = await mailbox.waitFor(to, new RegExp(`^Confirme su cita ${reference}`));
	const key = /\/citas\/confirmar\/[A-Z0-9-]+\?clave=([^\s&]+)/.exec(email.text)?.[1];
	if (!key) throw new Error(`No confirmation link in the email to ${to}`);
	return decodeURIComponent(key);
}

/**
 * Books a video appointment through the API, as the booking form would, and checks it was made.
 * Give at least `start`; anything else given replaces the defaults (a citizen with a unique
 * document and email, so bookings of one test never collide). A booking with an email is then
 * confirmed through the link the email carries, as the citizen would (`confirm: false` leaves it
 * held).
 */
export async function bookAppointment(
	request: APIRequestContext,
	booking: { start: string } & Record<string, unknown>,
	headers: Record<string, string> = {},
	options: { confirm?: boolean } = {}
): Promise<Booked> {
	const id = Math.floor(Math.random() * 1e8);
	const response = await request.post('/api/v1/appointments?lang=es', {
		data: {
			topic: 'informacion-general',
			consent: true,
			name: 'Luis Pushaina',
			documentType: 'CC',
			documentNumber: String(10_000_000 + id),
			email: `persona${id}@example.com`,
			callLanguage: 'es',
			...booking
		},
		headers
	});
	expect(response.status(), await response.text()).toBe(201);
	const booked = (await response.json()) as Booked;
	if (booked.status === 'held' && options.confirm !== false) {
		const email = String(booking.email ?? `persona${id}@example.com`);
		const confirmed = await request.post(
			`/api/v1/appointments/${booked.reference}/confirmation?lang=es`,
			{ data: { token: await confirmationKey(email, booked.reference) } }
		);
		expect(confirmed.status(), await confirmed.text()).toBe(200);
	}
	return booked;
}

/** What the API answers for a petition: its number and the security code, shown once. */
export interface Filed {
	number: string;
	securityCode: string;
	[field: string]: unknown;
}

let documented: Record<string, unknown> | undefined;

/**
 * Files a petition through the API, as the PQRSD form would, and checks it was filed. It starts
 * from the example the API documents (so that example must stay valid); anything given replaces
 * its fields.
 */
/** A complaint with no email, answered online: what a look-up kept on the device shows. */
export const ONLINE_COMPLAINT = {
	type: 'queja',
	subject: 'Atención en la oficina',
	description: 'Esperé dos horas para ser atendida en la oficina.',
	email: undefined,
	contactPreference: 'online'
};

export async function filePetition(
	request: APIRequestContext,
	petition: Record<string, unknown> = {},
	headers: Record<string, string> = {}
): Promise<Filed> {
	if (!documented) {
		const openapi = await request.get('/api/v1/openapi.json');
		expect(openapi.status()).toBe(200);
		documented = (await openapi.json()).paths['/api/v1/radicados'].post['x-example'].body;
	}
	const response = await request.post('/api/v1/radicados?lang=es', {
		data: { ...documented, ...petition },
		headers
	});
	expect(response.status(), await response.text()).toBe(201);
	return response.json();
}

export const STAFF_PASSWORD = 'una frase larga de prueba';

/**
/**
 * The app's own origin. A multipart or form POST to the API must name it in `Origin` (the
 * cross-site form guard), as a browser does.
 */
export const ORIGIN = `http://localhost:${process.env.E2E_PORT ?? 4173}`;

/**
 * Creates an official (test mode only) and signs the page's browser in as them, through the API.
 * One role or several: the account's email names them (`agent@…`, `agent-reserved@…`); `as`
 * names another account and its set of roles.
 */
export async function signInAsStaff(
	page: Page,
	role: StaffRole | StaffRole[] = 'agent',
	as?: { email: string; roles: string[] }
): Promise<string> {
	const named = Array.isArray(role) ? role : [role];
	const { email, roles } = as ?? { email: `${named.join('-')}@example.org`, roles: named };
	const created = await page.request.post('/__test__/staff', {
		data: { email, roles, password: STAFF_PASSWORD }
	});
	expect(created.status()).toBe(204);
	const response = await page.request.post('/api/v1/staff/session', {
		data: { email, password: STAFF_PASSWORD }
	});
	expect(response.status()).toBe(200);
	return email;
}

/** Each test starts from a clean, seeded database, a free-running clock and an empty mailbox. */
export const test = base.extend<{ cleanDatabase: void }>({
	cleanDatabase: [
		async ({ request }, use) => {
			const response = await request.post('/__test__/reset');
			expect(response.status()).toBe(204);
			await mailbox.clear();
			await use();
		},
		{ auto: true }
	]
});

export { expect };
