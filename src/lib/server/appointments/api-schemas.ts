import { z } from 'zod';

/** What the API answers about an appointment (`appointments.view`), for the OpenAPI document. */
export const appointmentSchema = z.object({
	reference: z.string(),
	status: z.string(),
	topic: z.string(),
	start: z.string(),
	end: z.string(),
	name: z.string(),
	email: z.string().nullable().describe('Null when booked with a phone only'),
	holdExpiresAt: z
		.string()
		.nullable()
		.describe('While held: until when the link sent by email can confirm it'),
	confirmationCall: z.boolean().describe('Booked with a phone only: the entity calls to confirm'),
	callLanguage: z.string(),
	interpreter: z.boolean(),
	videoUrl: z.string()
});
