import { database } from '$lib/server/db';
import { requireRole } from '$lib/server/staff';
import { translations } from '$lib/server/translations';
import { entrySchema, entryView, reviewSchema } from '$lib/server/translations/api-schemas';
import { endpoint, reply } from '$lib/server/web/api';

export const POST = endpoint(
	{
		summary: 'api:operations.staff.translations.key.review.post.summary',
		tags: ['staff'],
		body: reviewSchema,
		responses: {
			200: { description: 'api:common.audited', schema: entrySchema },
			400: { description: 'api:common.malformedJson' },
			401: { description: 'api:common.noSession' },
			403: { description: 'api:operations.staff.translations.key.review.post.responses.403' },
			404: { description: 'api:operations.staff.translations.key.put.responses.404' },
			409: { description: 'api:operations.staff.translations.key.review.post.responses.409' },
			413: { description: 'api:common.tooLarge' },
			415: { description: 'api:common.notJson' },
			422: { description: 'api:operations.staff.translations.key.review.post.responses.422' }
		},
		example: {
			params: { key: 'common:nav.charter' },
			body: { lang: 'guc', decision: 'return', note: 'Revise la ortografía.' }
		}
	},
	async ({ event, body, lang }) => {
		const user = requireRole(event.locals.staff, 'reviewer');
		const entry = await translations.review(
			await database(),
			{ key: event.params.key ?? '', ...body },
			user
		);
		return reply(entryView(entry), { lang });
	}
);
