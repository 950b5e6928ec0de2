import { appointments } from '$lib/server/appointments';
import { authorised } from '$lib/server/web/appointment-access';
import { database } from '$lib/server/db';
import { endpoint } from '$lib/server/web/api';

export const GET = endpoint(
	{
		summary: 'The appointment as a calendar file (.ics)',
		tags: ['appointments'],
		responses: {
			200: { description: 'text/calendar with reminders a day and 15 minutes before.' },
			401: { description: 'No token.' },
			404: { description: 'No appointment with that reference and token.' }
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
