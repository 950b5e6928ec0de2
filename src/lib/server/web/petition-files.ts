import { database, type Database } from '../db';
import { requireRole } from '../staff';
import { download, endpoint, type ApiHandler } from './api';

type Opener = (
	db: Database,
	number: string,
	id: string,
	actor: string
) => Promise<{ filename: string; contentType: string; bytes: Uint8Array }>;

/**
 * A staff download of one file of a petition (an attachment or an answer's document): agents
 * only, opened by the service that audits it, answered as a download.
 */
export function petitionFileEndpoint(summary: string, open: Opener): ApiHandler {
	return endpoint(
		{
			summary,
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
			return download(await open(await database(), number, id, user.email));
		}
	);
}
