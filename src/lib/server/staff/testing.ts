import type { BookingInput } from '$lib/domain/appointments';
import { appointments } from '../appointments';
import type { Database } from '../db';

let counter = 0;

/** Books one appointment at `start` as a citizen would (a factory for staff tests). */
export async function bookAt(db: Database, start: string, overrides: Partial<BookingInput> = {}) {
	counter += 1;
	return appointments.book(
		db,
		{
			topic: 'subsidio-de-gas-en-cilindro',
			start,
			consent: true,
			name: 'Ana María Epieyú',
			documentType: 'CC',
			documentNumber: `77${counter}${Date.now() % 100000}`,
			email: `citizen${counter}@example.com`,
			phone: undefined,
			description: '',
			callLanguage: 'es',
			accessibilityNeeds: '',
			preferential: [],
			...overrides
		},
		{ locale: 'es' }
	);
}
