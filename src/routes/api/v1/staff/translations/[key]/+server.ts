import { database } from '$lib/server/db';
import { requireRole } from '$lib/server/staff';
import { translations } from '$lib/server/translations';
import { entrySchema, entryView, saveSchema } from '$lib/server/translations/api-schemas';
import { endpoint, reply } from '$lib/server/web/api';

export const PUT = endpoint(
	{
		summary: 'api:operations.staff.translations.key.put.summary',
		tags: ['staff'],
		body: saveSchema,
		responses: {
			200: {
				description: 'api:operations.staff.translations.key.put.responses.200',
				schema: entrySchema
			},
			400: { description: 'api:common.malformedJson' },
			401: { description: 'api:common.noSession' },
			403: { description: 'api:operations.staff.translations.key.put.responses.403' },
			404: { description: 'api:operations.staff.translations.key.put.responses.404' },
			413: { description: 'api:common.tooLarge' },
			415: { description: 'api:common.notJson' },
			422: { description: 'api:operations.staff.translations.key.put.responses.422' }
		},
		example: {
			params: { key: 'common:nav.charter' },
			body: { lang: 'guc', text: 'Texto de prueba' }
		}
	},
	async ({ event, body, lang }) => {
		const user = requireRole(event.locals.staff, 'translator');
		const entry = await translations.save(
			await database(),
			{ lang: body.lang, key: event.params.key ?? '', text: body.text },
			user
		);
		return reply(entryView(entry), { lang });
	}
);
