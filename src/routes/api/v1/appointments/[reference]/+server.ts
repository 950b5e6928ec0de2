import { z } from 'zod';
import { instantSchema } from '$lib/domain/appointments';
import { appointments } from '$lib/server/appointments';
import { appointmentSchema } from '$lib/server/appointments/api-schemas';
import { authorised } from '$lib/server/web/appointment-access';
import { database } from '$lib/server/db';
import { endpoint, reply } from '$lib/server/web/api';

const auth = {
	Authorization: { required: true, description: 'api:operations.appointments.reference.auth' }
};
const example = { params: { reference: 'CITA-7K3M-Q9' } };
const notFound = { description: 'api:operations.appointments.reference.notFound' };
const unauthorised = { description: 'api:operations.appointments.reference.unauthorised' };

export const GET = endpoint(
	{
		summary: 'api:operations.appointments.reference.get.summary',
		tags: ['appointments'],
		headers: auth,
		responses: {
			200: {
				description: 'api:operations.appointments.reference.get.responses.200',
				schema: appointmentSchema
			},
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
		summary: 'api:operations.appointments.reference.patch.summary',
		tags: ['appointments'],
		headers: auth,
		body: z.object({ start: instantSchema }),
		responses: {
			200: {
				description: 'api:operations.appointments.reference.patch.responses.200',
				schema: appointmentSchema
			},
			400: { description: 'api:common.notJson' },
			401: unauthorised,
			404: notFound,
			409: { description: 'api:operations.appointments.reference.patch.responses.409' },
			415: { description: 'api:common.notJson' },
			422: { description: 'api:operations.appointments.reference.patch.responses.422' }
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
		summary: 'api:operations.appointments.reference.delete.summary',
		tags: ['appointments'],
		headers: auth,
		responses: {
			200: {
				description: 'api:operations.appointments.reference.delete.responses.200',
				schema: appointmentSchema
			},
			401: unauthorised,
			404: notFound,
			409: { description: 'api:operations.appointments.reference.delete.responses.409' }
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
