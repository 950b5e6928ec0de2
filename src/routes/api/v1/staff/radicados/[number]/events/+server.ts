import { z } from 'zod';
import { database } from '$lib/server/db';
import { endpoint, reply } from '$lib/server/web/api';
import { eventSchema, radicados } from '$lib/server/radicados';
import { requireRole } from '$lib/server/staff';

export const POST = endpoint(
	{
		summary: 'Add a status event to a petition (the citizen sees it in the look-up)',
		tags: ['staff'],
		body: eventSchema,
		responses: {
			201: {
				description: 'Added, with who and when, in the audit log; the petition as it is now.',
				schema: z.record(z.string(), z.unknown())
			},
			400: { description: 'Malformed JSON.' },
			401: { description: 'No valid session.' },
			403: { description: 'The role may not add events.' },
			404: { description: 'No petition with that number.' },
			413: { description: 'Body too large.' },
			415: { description: 'Not JSON.' },
			422: {
				description:
					'A field the kind needs is missing, or EXTENSION_INVALID: the new due date is not later, not a business day, or beyond twice the legal term.'
			}
		},
		example: {
			params: { number: '1-2026-999999' },
			body: { kind: 'respondida', responseNumber: '2-2026-000045' }
		}
	},
	async ({ event, body, lang }) => {
		const user = requireRole(event.locals.staff, 'agent');
		const db = await database();
		const number = await radicados.addEvent(db, event.params.number ?? '', body, user.email);
		return reply(await radicados.forStaff(db, number), { status: 201, lang });
	}
);
