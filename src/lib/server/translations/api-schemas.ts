import { z } from 'zod';
import { STATES } from '$lib/i18n/sheet';
import { MAX_TEXT, STUDIO_LANGS, type Entry } from '.';

const counts = z.object({
	reviewed: z.number().int(),
	draft: z.number().int(),
	missing: z.number().int()
});

/** A text with its translation, as the studio's API answers it. */
export const entrySchema = z.object({
	key: z.string().describe('ns:key for an interface string, content:block.field for content'),
	spanish: z.string(),
	text: z.string().nullable().describe('The latest writing: a draft, or the reviewed text'),
	published: z.string().nullable().describe('What citizens see; null while they see the Spanish'),
	state: z.enum(STATES),
	group: z.string(),
	page: z.string().nullable().describe('The page it shows on, without the language segment'),
	placeholders: z.array(z.string()),
	writtenBy: z.string().nullable(),
	writtenAt: z.string().nullable(),
	reviewedBy: z.string().nullable(),
	reviewedAt: z.string().nullable(),
	returned: z.object({ note: z.string(), by: z.string(), at: z.string() }).nullable(),
	sourceChanged: z
		.object({ was: z.string() })
		.nullable()
		.describe('The Spanish changed since the text was written: it is a draft again')
});

export const listingSchema = z.object({
	counts,
	total: z.number().int(),
	entries: z.array(entrySchema),
	blocks: z
		.record(z.string(), z.object({ reviewed: z.number().int(), total: z.number().int() }))
		.describe('Per content block listed: a block shows translated once all its fields are reviewed')
});

export const coverageSchema = counts;

export const studioLang = z.enum(STUDIO_LANGS, { error: 'studio:errors.lang' });

export const saveSchema = z.object({
	lang: studioLang,
	text: z.string().trim().min(1).max(MAX_TEXT)
});

export const reviewSchema = z
	.object({
		lang: studioLang,
		decision: z.enum(['approve', 'return']),
		note: z.string().max(1000).optional(),
		seen: z
			.string()
			.max(MAX_TEXT)
			.optional()
			.describe('The text the reviewer read; refused with 409 TEXT_CHANGED if it changed since')
	})
	.refine((body) => body.decision === 'approve' || Boolean(body.note?.trim()), {
		path: ['note'],
		message: 'studio:errors.note'
	});

/** The API's answer for a text: the entry without the catalogue's inner details. */
export function entryView(entry: Entry): z.infer<typeof entrySchema> {
	return entrySchema.parse(entry);
}
