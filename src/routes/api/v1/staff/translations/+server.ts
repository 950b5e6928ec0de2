import { z } from 'zod';
import { STATES } from '$lib/i18n/sheet';
import { database } from '$lib/server/db';
import { requireRole } from '$lib/server/staff';
import { translations } from '$lib/server/translations';
import { entryView, listingSchema, studioLang } from '$lib/server/translations/api-schemas';
import { endpoint, reply } from '$lib/server/web/api';

export const GET = endpoint(
	{
		summary: 'api:operations.staff.translations.get.summary',
		tags: ['staff'],
		query: z.object({
			lang: studioLang.default('guc'),
			state: z.enum(STATES).optional(),
			q: z.string().max(200).optional(),
			ns: z.string().max(60).optional(),
			offset: z.coerce.number().int().min(0).default(0),
			limit: z.coerce.number().int().min(1).max(500).default(100)
		}),
		responses: {
			200: {
				description: 'api:operations.staff.translations.get.responses.200',
				schema: listingSchema
			},
			401: { description: 'api:common.noSession' },
			403: { description: 'api:operations.staff.translations.get.responses.403' },
			422: { description: 'api:common.badQuery' }
		},
		example: { query: { lang: 'guc', state: 'missing', ns: 'common', q: 'carta' } }
	},
	async ({ event, query, lang }) => {
		requireRole(event.locals.staff, ['translator', 'reviewer']);
		const listing = await translations.list(await database(), {
			lang: query.lang,
			state: query.state,
			q: query.q,
			group: query.ns,
			offset: query.offset,
			limit: query.limit
		});
		return reply(
			{ ...listing, entries: listing.entries.map(entryView) },
			{ lang, headers: { 'cache-control': 'no-store' } }
		);
	}
);
