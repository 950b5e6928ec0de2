import { z } from 'zod';
import { KINDS, type Item } from '.';

const value = z.record(z.string(), z.unknown());

/** An item of content as the studio's API answers it. */
export const itemSchema = z.object({
	id: z
		.string()
		.describe(
			'{kind}:{key}, e.g. channel:presencial or service:{slug}; calendar:dias-no-habiles holds the non-working days as { days: [{ date, kind: closure | suspension, reason }] }'
		),
	kind: z.enum(KINDS),
	state: z
		.enum(['published', 'draft', 'returned'])
		.describe('draft: a change waits for another editor; returned: sent back with a note'),
	demo: z.boolean().describe('Still the shipped demo content'),
	version: z.number().int().describe('The published version, 1 for the shipped content'),
	published: value.describe('What citizens see'),
	publishedBy: z.string(),
	publishedAt: z.string(),
	draft: value.nullable().describe('The change waiting for approval, in the same shape'),
	draftBy: z.string().nullable(),
	draftAt: z.string().nullable(),
	draftReason: z
		.string()
		.nullable()
		.describe('Why the draft may be published although it scores under the plain-language bar'),
	action: z
		.enum(['create', 'remove'])
		.nullable()
		.describe('create: a new item waiting for approval; remove: a removal waiting for approval'),
	listed: z.boolean().describe('Shown on the pages'),
	returnNote: z.string().nullable(),
	returnedBy: z.string().nullable()
});

export const listingSchema = z.object({ items: z.array(itemSchema) });

export const kindQuery = z.object({ kind: z.enum(KINDS).optional() });

/** The item back, with its `draft` changed; the other fields of the item are not read. */
export const saveSchema = z.object({
	draft: value.describe(
		'The whole new value, in the shape of `published`; field errors name paths within it'
	),
	reason: z
		.string()
		.max(1000)
		.optional()
		.describe(
			'Required when the draft scores under the plain-language bar of check:content (422 `reason` otherwise)'
		)
});

export const reviewSchema = z
	.object({
		decision: z.enum(['approve', 'return']),
		note: z.string().max(1000).optional()
	})
	.refine((body) => body.decision === 'approve' || Boolean(body.note?.trim()), {
		path: ['note'],
		message: 'studio:errors.note'
	});

/** The API's answer for an item, with its instants as ISO strings. */
export function itemView(item: Item): z.infer<typeof itemSchema> {
	return itemSchema.parse({
		...item,
		publishedAt: item.publishedAt.toISOString(),
		draftAt: item.draftAt?.toISOString() ?? null
	});
}
