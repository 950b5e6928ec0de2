import { database } from '$lib/server/db';
import { radicados } from '$lib/server/radicados';
import { requireRole } from '$lib/server/staff';
import { download, endpoint } from '$lib/server/web/api';

export const GET = endpoint(
	{
		summary: 'api:operations.staff.radicados.number.responses.id.document.get.summary',
		tags: ['staff'],
		responses: {
			200: { description: 'api:common.download' },
			401: { description: 'api:common.noSession' },
			403: { description: 'api:operations.staff.radicados.number.get.responses.403' },
			404: { description: 'api:common.noDocument' }
		},
		example: {
			params: { number: '1-2026-999999', id: '00000000-0000-4000-8000-000000000000' }
		}
	},
	async ({ event }) => {
		const user = requireRole(event.locals.staff, 'agent');
		const { number = '', id = '' } = event.params;
		return download(await radicados.staffDocument(await database(), number, id, user.email));
	}
);
