import { z } from 'zod';
import { normaliseReference } from '$lib/domain/slots';
import { appointments } from '$lib/server/appointments';
import { appointmentSchema } from '$lib/server/appointments/api-schemas';
import { database } from '$lib/server/db';
import { endpoint, reply } from '$lib/server/web/api';

export const POST = endpoint(
	{
		summary: 'api:operations.appointments.reference.confirmation.post.summary',
		tags: ['appointments'],
		body: z.object({
			token: z
				.string()
				.min(1)
				.max(100)
				.describe('The `clave` of the link sent by email; not the manage token')
		}),
		responses: {
			200: {
				description: 'api:operations.appointments.reference.confirmation.post.responses.200',
				schema: appointmentSchema
			},
			404: { description: 'api:operations.appointments.reference.notFound' },
			410: { description: 'api:operations.appointments.reference.confirmation.post.responses.410' },
			429: { description: 'api:operations.appointments.reference.confirmation.post.responses.429' }
		},
		example: { params: { reference: 'CITA-7K3M-Q9' }, body: { token: 'la-clave-del-correo' } }
	},
	async ({ event, body, lang }) => {
		const confirmed = await appointments.confirm(
			await database(),
			normaliseReference(event.params.reference ?? ''),
			body.token,
			event.getClientAddress()
		);
		return reply(appointments.view(confirmed), { lang, headers: { 'cache-control': 'no-store' } });
	}
);
