import { appointments } from '$lib/server/appointments';
import { authorised } from '$lib/server/web/appointment-access';
import { database } from '$lib/server/db';
import { endpoint } from '$lib/server/web/api';

export const GET = endpoint(
	{
		summary: 'api:operations.appointments.reference.calendar_ics.get.summary',
		tags: ['appointments'],
		responses: {
			200: { description: 'api:operations.appointments.reference.calendar_ics.get.responses.200' },
			401: { description: 'api:operations.appointments.reference.calendar_ics.get.responses.401' },
			404: { description: 'api:operations.appointments.reference.calendar_ics.get.responses.404' }
		},
		example: { params: { reference: 'CITA-7K3M-Q9' }, query: { token: 'example-token' } }
	},
	async ({ event }) => {
		const found = await authorised(await database(), event, { queryToken: true });
		return new Response(await appointments.calendar(found), {
			headers: {
				'content-type': 'text/calendar; charset=utf-8',
				'content-disposition': `attachment; filename="${found.reference}.ics"`,
				'cache-control': 'private, no-store'
			}
		});
	}
);
