import { recordedAt } from './columns';
import {
	customType,
	integer,
	pgTable,
	primaryKey,
	real,
	text,
	timestamp,
	uniqueIndex,
	uuid
} from 'drizzle-orm/pg-core';

/** Binary data (audio), kept in the database so every instance serves the same files. */
const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
	dataType: () => 'bytea',
	fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value))
});

/**
 * A translation of one interface string (`ns:key`) or content field (`content:block.field`),
 * written in the studio. `text` is the latest writing (a draft until another account reviews it);
 * `published_text` is what citizens see: the last text a reviewer approved, shown only while the
 * Spanish it was written for (`published_source`) is still the Spanish of the page.
 */
export const translations = pgTable(
	'translations',
	{
		lang: text('lang').notNull(),
		key: text('key').notNull(),
		text: text('text').notNull(),
		state: text('state', { enum: ['draft', 'reviewed'] }).notNull(),
		/** The Spanish source when `text` was written. */
		source: text('source').notNull(),
		writtenBy: text('written_by').notNull(),
		writtenAt: recordedAt('written_at'),
		/** A reviewer's note when they sent the draft back; cleared by the next writing. */
		returnNote: text('return_note'),
		returnedBy: text('returned_by'),
		returnedAt: timestamp('returned_at', { withTimezone: true }),
		publishedText: text('published_text'),
		publishedSource: text('published_source'),
		reviewedBy: text('reviewed_by'),
		reviewedAt: timestamp('reviewed_at', { withTimezone: true })
	},
	(t) => [primaryKey({ columns: [t.lang, t.key] })]
);

/**
 * A person's recording of an audio-bearing text (`carta.derechos`, `citas.dia`…) in one language,
 * transcoded on upload to Opus and MP3. One take waits for review (`draft`) while the last
 * approved one (`reviewed`) plays on the public pages; approving a take removes the one it replaces.
 */
export const recordings = pgTable(
	'recordings',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		audioId: text('audio_id').notNull(),
		lang: text('lang').notNull(),
		state: text('state', { enum: ['draft', 'reviewed'] }).notNull(),
		seconds: real('seconds').notNull(),
		opus: bytea('opus').notNull(),
		mp3: bytea('mp3').notNull(),
		opusBytes: integer('opus_bytes').notNull(),
		mp3Bytes: integer('mp3_bytes').notNull(),
		/** The hash of the text read when recorded (or last confirmed), to flag a changed text. */
		textHash: text('text_hash').notNull(),
		recordedBy: text('recorded_by').notNull(),
		recordedAt: recordedAt('recorded_at'),
		returnNote: text('return_note'),
		returnedBy: text('returned_by'),
		returnedAt: timestamp('returned_at', { withTimezone: true }),
		reviewedBy: text('reviewed_by'),
		reviewedAt: timestamp('reviewed_at', { withTimezone: true })
	},
	// At most one take waiting for review and one approved take per text and language.
	(t) => [uniqueIndex('recordings_slot_idx').on(t.audioId, t.lang, t.state)]
);

/**
 * A token per kind of run-time resource (`translations`, `recordings`), replaced by every change:
 * an instance whose token differs from the database's loads that resource again.
 */
export const liveVersions = pgTable('live_versions', {
	topic: text('topic').primaryKey(),
	token: text('token').notNull(),
	changedAt: recordedAt('changed_at')
});

/**
 * The Spanish voice of a text that changed in the content studio, synthesised on the server (eSpeak
 * NG, as `npm run audio` does) so every instance serves it; it stands for the shipped file, which
 * read the earlier text, until a person's recording replaces it.
 */
export const synthesizedAudio = pgTable('synthesized_audio', {
	audioId: text('audio_id').primaryKey(),
	/** The hash of the text it reads (`textHash`, as in the manifest). */
	textHash: text('text_hash').notNull(),
	seconds: real('seconds').notNull(),
	opus: bytea('opus').notNull(),
	mp3: bytea('mp3').notNull(),
	opusBytes: integer('opus_bytes').notNull(),
	mp3Bytes: integer('mp3_bytes').notNull(),
	madeAt: recordedAt('made_at')
});
