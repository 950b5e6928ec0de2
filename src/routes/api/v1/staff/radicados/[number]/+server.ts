import { z } from 'zod';
import { database } from '$lib/server/db';
import { endpoint, reply } from '$lib/server/web/api';
import { requireRole } from '$lib/server/staff';
import { radicados } from '$lib/server/radicados';

export const GET = endpoint(
	{
		summary: 'A petition by its radicado number, with its events and the petitioner contact',
		tags: ['staff'],
		responses: {
			200: { description: 'The petition.', schema: z.record(z.string(), z.unknown()) },
			401: { description: 'No valid session.' },
			403: { description: 'The role may not see petitions.' },
			404: { description: 'No petition with that number.' }
		},
		example: { params: { number: '1-2026-999999' } }
	},
	async ({ event, lang }) => {
		requireRole(event.locals.staff, 'agent');
		const petition = await radicados.forStaff(await database(), event.params.number ?? '');
		return reply(petition, { lang, headers: { 'cache-control': 'no-store' } });
	}
);
