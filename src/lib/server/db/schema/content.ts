import { boolean, integer, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { recordedAt } from './columns';

/**
 * One piece of the entity's content (a channel, a service, the charter, a glossary entry), edited
 * in the content studio. `published` is what citizens see; `draft` is a change waiting for another
 * editor's approval. Seeded from the shipped files (`demo`) on a fresh install.
 */
export const contentItems = pgTable('content_items', {
	/** `{kind}:{key}`: `channel:presencial`, `service:{slug}`, `charter:carta`, `glossary:{id}`, `calendar:dias-no-habiles`. */
	id: text('id').primaryKey(),
	kind: text('kind', { enum: ['charter', 'service', 'channel', 'glossary', 'calendar'] }).notNull(),
	/** Still the shipped demo text: nobody at the entity has published a change to it. */
	demo: boolean('demo').notNull(),
	published: jsonb('published').$type<Record<string, unknown>>().notNull(),
	/** The number of the published version (1 for the seed). */
	version: integer('version').notNull(),
	publishedBy: text('published_by').notNull(),
	publishedAt: recordedAt('published_at'),
	draft: jsonb('draft').$type<Record<string, unknown>>(),
	draftBy: text('draft_by'),
	draftAt: timestamp('draft_at', { withTimezone: true }),
	/** Why the draft is published although it scores under the plain-language bar. */
	draftReason: text('draft_reason'),
	/** What the draft asks besides a change: a new item, or removing this one. */
	draftAction: text('draft_action', { enum: ['create', 'remove'] }),
	/** On the pages: false for a new item not approved yet, and for a removed one (kept for history). */
	listed: boolean('listed').notNull().default(true),
	/** A reviewer's note when they sent the draft back; cleared by the next draft. */
	returnNote: text('return_note'),
	returnedBy: text('returned_by'),
	returnedAt: timestamp('returned_at', { withTimezone: true })
});

/** Every version ever published of an item, with who wrote it and who approved it. */
export const contentVersions = pgTable(
	'content_versions',
	{
		itemId: text('item_id')
			.notNull()
			.references(() => contentItems.id, { onDelete: 'cascade' }),
		version: integer('version').notNull(),
		value: jsonb('value').$type<Record<string, unknown>>().notNull(),
		writtenBy: text('written_by').notNull(),
		approvedBy: text('approved_by').notNull(),
		/** The author's reason for publishing text under the plain-language bar. */
		reason: text('reason'),
		publishedAt: recordedAt('published_at')
	},
	(t) => [primaryKey({ columns: [t.itemId, t.version] })]
);
