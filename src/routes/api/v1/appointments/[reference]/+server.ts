import { z } from 'zod';
import { instantSchema } from '$lib/domain/appointments';
import { appointments } from '$lib/server/appointments';
import { authorised } from '$lib/server/web/appointment-access';
import { database } from '$lib/server/db';
import { endpoint, reply } from '$lib/server/web/api';

const appointmentSchema = z.object({
	reference: z.string(),
	status: z.string(),
	topic: z.string(),
	start: z.string(),
	end: z.string(),
	name: z.string(),
	email: z.string(),
	callLanguage: z.string(),
	interpreter: z.boolean(),
	videoUrl: z.string()
});

const auth = {
	Authorization: { required: true, description: 'Bearer {manageToken} from the booking.' }
};
const example = { params: { reference: 'CITA-7K3M-Q9' } };
const notFound = { description: 'No appointment with that reference and token.' };
const unauthorised = { description: 'No Bearer token.' };

export const GET = endpoint(
	{
		summary: 'Read an appointment',
		tags: ['appointments'],
		headers: auth,
		responses: {
			200: { description: 'The appointment.', schema: appointmentSchema },
			401: unauthorised,
			404: notFound
		},
		example
	},
	async ({ event, lang }) => {
		const found = await authorised(await database(), event);
		return reply(appointments.view(found), { lang, headers: { 'cache-control': 'no-store' } });
	}
);

export const PATCH = endpoint(
	{
		summary: 'Move an appointment to another slot (the reference stays)',
		tags: ['appointments'],
		headers: auth,
		body: z.object({ start: instantSchema }),
		responses: {
			200: { description: 'Moved.', schema: appointmentSchema },
			400: { description: 'The body is not JSON.' },
			401: unauthorised,
			404: notFound,
			409: { description: 'The new slot is full, or the appointment can no longer change.' },
			415: { description: 'The body is not JSON.' },
			422: { description: 'The new start is not offered.' }
		},
		example: { ...example, body: { start: '2030-02-05T10:00:00-05:00' } }
	},
	async ({ event, body, lang }) => {
		const db = await database();
		const found = await authorised(db, event);
		const moved = await appointments.reschedule(db, found.reference, body.start);
		return reply(appointments.view(moved), { lang, headers: { 'cache-control': 'no-store' } });
	}
);

export const DELETE = endpoint(
	{
		summary: 'Cancel an appointment and free its place',
		tags: ['appointments'],
		headers: auth,
		responses: {
			200: { description: 'Cancelled.', schema: appointmentSchema },
			401: unauthorised,
			404: notFound,
			409: { description: 'The appointment already passed or was cancelled.' }
		},
		example
	},
	async ({ event, lang }) => {
		const db = await database();
		const found = await authorised(db, event);
		const cancelled = await appointments.cancel(db, found.reference);
		return reply(appointments.view(cancelled), { lang, headers: { 'cache-control': 'no-store' } });
	}
);
