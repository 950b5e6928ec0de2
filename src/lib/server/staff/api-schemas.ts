import { z } from 'zod';
import { APPOINTMENT_STATUSES } from '../db/schema';
import { callbackReceipt } from '../engagement/callbacks';

/** The agenda entry as the staff API answers it. */
export const agendaItemSchema = z.object({
	reference: z.string(),
	status: z.enum(APPOINTMENT_STATUSES),
	topic: z.string(),
	start: z.string(),
	end: z.string(),
	name: z.string(),
	callLanguage: z.string(),
	interpreter: z.boolean(),
	accessibilityNeeds: z.string(),
	preferential: z.array(z.string()),
	videoUrl: z.string(),
	confirmationCall: z.boolean().describe('Booked with a phone only: call to confirm it'),
	phone: z.string().nullable().describe('The phone to call, for a confirmation call only'),
	holdExpiresAt: z
		.string()
		.nullable()
		.describe('While held: until when the citizen can confirm by the emailed link'),
	minutesToStart: z.number().int().describe('Negative once the appointment has started'),
	joinOpen: z.boolean().describe('The video link opens 5 minutes before the start'),
	outcomesFrom: z.object({
		attended: z.string(),
		no_show: z.string(),
		connection_failed: z.string()
	}),
	person: z
		.object({
			phone: z.string().nullable().describe('E.164, to call when the connection fails'),
			document: z.object({ type: z.string(), number: z.string() }),
			description: z.string()
		})
		.optional()
		.describe('Only with include=person; each opening writes an audit row')
});

export const callbackSchema = z.object({
	id: z.string(),
	name: z.string(),
	phone: z.string(),
	language: z.enum(['es', 'guc']),
	topic: z.string(),
	details: z.string().nullable(),
	day: z.string(),
	window: z.object({ start: z.string(), end: z.string() }),
	status: z.enum(['pending', 'called', 'unreachable']),
	attempts: z.number().int()
});

/** A call-back request as the console and the staff API show it. */
export function callbackView(
	row: Parameters<typeof callbackReceipt>[0]
): z.infer<typeof callbackSchema> {
	return {
		...callbackReceipt(row),
		details: row.details,
		status: row.status,
		attempts: row.attempts
	};
}
