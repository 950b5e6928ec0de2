import type { BookingInput } from '$lib/domain/appointments';
import { eq } from 'drizzle-orm';
import { appointments, type BookOptions } from '../appointments';
import type { Database } from '../db';
import { filingSchema, type FilingInput } from '../radicados/schema';
import { outbox } from '../db/schema';
import { writeRecipe } from '../appointments/emails';

let counter = 0;

/** A valid booking by a new person each time (the two-appointment limit is per person). */
export function bookingInput(overrides: Partial<BookingInput> & { start: string }): BookingInput {
	counter += 1;
	return {
		topic: 'subsidio-de-gas-en-cilindro',
		consent: true,
		name: 'Ana María Epieyú',
		documentType: 'CC',
		documentNumber: `10${counter}${Date.now() % 100000}`,
		email: `persona${counter}@example.com`,
		phone: undefined,
		description: '',
		callLanguage: 'es',
		accessibilityNeeds: '',
		preferential: [],
		...overrides
	};
}

/** A client address of its own for each booking, so the per-client limits stay out of the way. */
export function bookingOptions(overrides: Partial<BookOptions> = {}): BookOptions {
	counter += 1;
	return {
		locale: 'es',
		client: `10.${counter >> 16}.${(counter >> 8) & 255}.${counter & 255}`,
		...overrides
	};
}

/** The text of a queued email, as it will be sent (a booking's is written when it is sent). */
export async function emailText(row: typeof outbox.$inferSelect): Promise<string> {
	return row.recipe ? (await writeRecipe(row.recipe)).text : row.text;
}

/** The token of the link that confirms a booking, read from the email queued for it. */
export async function confirmToken(db: Database, reference: string): Promise<string> {
	const rows = await db.select().from(outbox).where(eq(outbox.kind, 'appointment.held'));
	const texts = await Promise.all(rows.map(emailText));
	const text = texts.find((body) => body.includes(`/confirmar/${reference}?`));
	const token = /clave=([^\s&]+)/.exec(text ?? '')?.[1];
	if (!token) throw new Error(`No confirmation email for ${reference}`);
	return decodeURIComponent(token);
}

/** Confirms a held booking through its emailed link, as the citizen would. */
export async function confirmBooking(db: Database, reference: string, client = '192.0.2.1') {
	return appointments.confirm(db, reference, await confirmToken(db, reference), client);
}

/** Books one appointment at `start` as a citizen would, and confirms it through the email. */
export async function bookAt(db: Database, start: string, overrides: Partial<BookingInput> = {}) {
	const booked = await appointments.book(
		db,
		bookingInput({ start, ...overrides }),
		bookingOptions()
	);
	if (booked.status === 'held') await confirmBooking(db, booked.reference);
	return booked;
}

/** A call-back request as its form sends it (for a day offered on Tuesday 24 November 2026). */
export function callbackForm(
	overrides: Record<string, string | undefined> = {}
): Record<string, string | undefined> {
	return {
		name: 'Ana Epieyú',
		phone: '300 123 4567',
		language: 'guc',
		topic: 'subsidio-glp',
		day: '2026-11-25',
		window: '08:00-10:00',
		consent: 'yes',
		...overrides
	};
}

/** A valid petition as the form sends it (Ana Pérez, by email); anything given replaces a field. */
export function petitionInput(overrides: Record<string, unknown> = {}): FilingInput {
	return filingSchema.parse({
		type: 'peticion',
		subject: 'Subsidio de gas',
		description: 'Pido revisar el subsidio de gas de mi vivienda.',
		identity: 'identified',
		name: 'Ana Pérez',
		email: 'ana@example.com',
		contactPreference: 'email',
		consent: true,
		...overrides
	});
}
