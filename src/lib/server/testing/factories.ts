import type { BookingInput } from '$lib/domain/appointments';
import { appointments } from '../appointments';
import type { Database } from '../db';
import { filingSchema, type FilingInput } from '../radicados/schema';

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

/** Books one appointment at `start` as a citizen would. */
export async function bookAt(db: Database, start: string, overrides: Partial<BookingInput> = {}) {
	return appointments.book(db, bookingInput({ start, ...overrides }), { locale: 'es' });
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
