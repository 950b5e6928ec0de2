import { z } from 'zod';
import { database } from '$lib/server/db';
import { recordings } from '$lib/server/recordings';
import { recordingLang, slotSchema, slotView } from '$lib/server/recordings/api-schemas';
import { requireRole } from '$lib/server/staff';
import { endpoint, reply } from '$lib/server/web/api';

export const POST = endpoint(
	{
		summary: 'api:operations.staff.recordings.audioId.review.post.summary',
		tags: ['staff'],
		body: z
			.object({
				lang: recordingLang,
				decision: z.enum(['approve', 'return', 'confirm']),
				note: z.string().max(1000).optional()
			})
			.refine((body) => body.decision !== 'return' || Boolean(body.note?.trim()), {
				path: ['note'],
				message: 'studio:errors.note'
			}),
		responses: {
			200: { description: 'api:common.audited', schema: slotSchema },
			400: { description: 'api:common.malformedJson' },
			401: { description: 'api:common.noSession' },
			403: { description: 'api:operations.staff.recordings.audioId.review.post.responses.403' },
			404: { description: 'api:operations.staff.recordings.audioId.put.responses.404' },
			409: { description: 'api:operations.staff.recordings.audioId.review.post.responses.409' },
			413: { description: 'api:common.tooLarge' },
			415: { description: 'api:common.notJson' },
			422: { description: 'api:operations.staff.recordings.audioId.review.post.responses.422' }
		},
		example: {
			params: { audioId: 'citas.dia' },
			body: { lang: 'guc', decision: 'return', note: 'Se oye ruido de fondo.' }
		}
	},
	async ({ event, body, lang }) => {
		const user = requireRole(event.locals.staff, 'reviewer');
		const db = await database();
		const audioId = event.params.audioId ?? '';
		const slot =
			body.decision === 'confirm'
				? await recordings.confirm(db, { audioId, lang: body.lang }, user)
				: await recordings.review(
						db,
						{ audioId, lang: body.lang, decision: body.decision, note: body.note },
						user
					);
		return reply(slotView(slot), { lang });
	}
);
