import { randomUUID } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import { recordableTexts, type AudioText } from '$lib/audio/catalogue';
import { textHash } from '$lib/audio/files';
import { isLocale, LOCALES, type Locale } from '$lib/i18n/locales';
import { translator } from '$lib/i18n/translator';
import { audit } from '../audit';
import { clock } from '../clock';
import type { Database } from '../db';
import type { Transaction } from '../idempotency';
import { recordings as table, synthesizedAudio } from '../db/schema';
import { DomainError } from '../errors';
import { live } from '../live';
import { requireRole, type StaffUser } from '../staff';
import { changedSinceSynthesis, publishRecordings } from './publish';
import { synthesize } from './synthesis';
import { transcode } from './transcode';

export { AUDIO_LIMITS } from './transcode';
export { recordedMinutes } from './publish';

type Row = typeof table.$inferSelect;
export type Format = 'opus' | 'mp3';

/** MIME types as they are served (the same as the generated files'). */
export const AUDIO_TYPES: Record<Format, string> = {
	opus: 'audio/ogg; codecs=opus',
	mp3: 'audio/mpeg'
};

/** The hash of what a recording reads, to tell when the text changed since it was recorded. */
export const transcriptHash = (text: string) => textHash(text, { transcript: 1 });

/** One take of a recording, without its bytes. */
export interface Take {
	id: string;
	state: 'draft' | 'reviewed';
	seconds: number;
	bytes: Record<Format, number>;
	recordedBy: string;
	recordedAt: string;
	reviewedBy: string | null;
	reviewedAt: string | null;
	returned: { note: string; by: string; at: string } | null;
	/** The text it reads changed since it was recorded (or last confirmed). */
	textChanged: boolean;
}

/** An audio-bearing text in one language, with its reviewed and waiting takes. */
export interface Slot extends AudioText {
	lang: Locale;
	published: Take | null;
	draft: Take | null;
	/** Its synthesised Spanish voice read an earlier text: withdrawn, it waits for a recording. */
	voiceChanged: boolean;
}

const META = {
	id: table.id,
	audioId: table.audioId,
	lang: table.lang,
	state: table.state,
	seconds: table.seconds,
	opusBytes: table.opusBytes,
	mp3Bytes: table.mp3Bytes,
	textHash: table.textHash,
	recordedBy: table.recordedBy,
	recordedAt: table.recordedAt,
	returnNote: table.returnNote,
	returnedBy: table.returnedBy,
	returnedAt: table.returnedAt,
	reviewedBy: table.reviewedBy,
	reviewedAt: table.reviewedAt
};
type Meta = Pick<Row, keyof typeof META>;

function takeOf(row: Meta, text: AudioText): Take {
	return {
		id: row.id,
		state: row.state,
		seconds: row.seconds,
		bytes: { opus: row.opusBytes, mp3: row.mp3Bytes },
		recordedBy: row.recordedBy,
		recordedAt: row.recordedAt.toISOString(),
		reviewedBy: row.reviewedBy,
		reviewedAt: row.reviewedAt?.toISOString() ?? null,
		returned:
			row.returnNote && row.returnedBy && row.returnedAt
				? { note: row.returnNote, by: row.returnedBy, at: row.returnedAt.toISOString() }
				: null,
		textChanged: row.textHash !== transcriptHash(text.text)
	};
}

/** Every text that may be recorded in `lang`, as the pages say it now. */
export async function recordable(lang: Locale): Promise<AudioText[]> {
	return recordableTexts(lang, await translator(lang));
}

async function textOf(audioId: string, lang: string): Promise<{ lang: Locale; text: AudioText }> {
	if (!isLocale(lang)) throw new DomainError('NOT_FOUND');
	const text = (await recordable(lang)).find((candidate) => candidate.id === audioId);
	if (!text) throw new DomainError('NOT_FOUND');
	return { lang, text };
}

async function slotRows(
	db: Database | Transaction,
	audioId: string,
	lang: Locale
): Promise<Meta[]> {
	return db
		.select(META)
		.from(table)
		.where(and(eq(table.audioId, audioId), eq(table.lang, lang)));
}

function slotOf(text: AudioText, lang: Locale, rows: Meta[]): Slot {
	const find = (state: Take['state']) => {
		const row = rows.find((candidate) => candidate.state === state);
		return row ? takeOf(row, text) : null;
	};
	return {
		...text,
		lang,
		published: find('reviewed'),
		draft: find('draft'),
		voiceChanged: lang === 'es' && changedSinceSynthesis().has(text.id)
	};
}

export const recordings = {
	/** Every recordable text of a language with its takes, in the order of the site. */
	async slots(db: Database, lang: Locale): Promise<Slot[]> {
		const rows = await db.select(META).from(table).where(eq(table.lang, lang));
		return (await recordable(lang)).map((text) =>
			slotOf(
				text,
				lang,
				rows.filter((row) => row.audioId === text.id)
			)
		);
	},

	async slot(db: Database, audioId: string, lang: string): Promise<Slot> {
		const found = await textOf(audioId, lang);
		return slotOf(found.text, found.lang, await slotRows(db, audioId, found.lang));
	},

	/**
	 * Keeps a new take, transcoded to Opus and MP3, waiting for review; it replaces an earlier take
	 * still waiting. The approved take goes on playing until this one is approved.
	 */
	async upload(
		db: Database,
		input: { audioId: string; lang: string; bytes: Uint8Array },
		actor: StaffUser
	): Promise<Slot> {
		requireRole(actor, 'translator');
		const { lang, text } = await textOf(input.audioId, input.lang);
		const audio = await transcode(input.bytes);
		return db.transaction(async (tx) => {
			const values = {
				id: randomUUID(),
				audioId: input.audioId,
				lang,
				state: 'draft' as const,
				seconds: audio.seconds,
				opus: audio.opus,
				mp3: audio.mp3,
				opusBytes: audio.opus.byteLength,
				mp3Bytes: audio.mp3.byteLength,
				textHash: transcriptHash(text.text),
				recordedBy: actor.email,
				recordedAt: clock.now(),
				returnNote: null,
				returnedBy: null,
				returnedAt: null
			};
			await tx
				.insert(table)
				.values(values)
				.onConflictDoUpdate({ target: [table.audioId, table.lang, table.state], set: values });
			await audit(tx, {
				actor: actor.email,
				action: 'recording.uploaded',
				subject: `${lang}:${input.audioId}`,
				data: { id: values.id, seconds: audio.seconds }
			});
			return slotOf(text, lang, await slotRows(tx, input.audioId, lang));
		});
	},

	/**
	 * A reviewer approves another account's take (it replaces the synthesised or earlier voice on
	 * the public pages and in the offline audio pack at once, on every instance) or sends it back
	 * with a note. Nobody reviews their own take (OWN_TEXT).
	 */
	async review(
		db: Database,
		input: {
			audioId: string;
			lang: string;
			decision: 'approve' | 'return';
			note?: string | undefined;
		},
		actor: StaffUser
	): Promise<Slot> {
		requireRole(actor, 'reviewer');
		const { lang, text } = await textOf(input.audioId, input.lang);
		const note = input.note?.trim() ?? '';
		if (input.decision === 'return' && !note) {
			throw new DomainError('VALIDATION_FAILED', {
				fields: [{ path: 'note', message: 'required' }]
			});
		}
		return db.transaction(async (tx) => {
			const rows = await tx
				.select(META)
				.from(table)
				.where(and(eq(table.audioId, input.audioId), eq(table.lang, lang)))
				.for('update');
			const draft = rows.find((row) => row.state === 'draft');
			if (!draft) throw new DomainError('NOTHING_TO_REVIEW');
			if (draft.recordedBy === actor.email) throw new DomainError('OWN_TEXT');
			const now = clock.now();
			if (input.decision === 'approve') {
				const old = rows.filter((row) => row.state === 'reviewed').map((row) => row.id);
				if (old.length) await tx.delete(table).where(inArray(table.id, old));
				await tx
					.update(table)
					.set({
						state: 'reviewed',
						reviewedBy: actor.email,
						reviewedAt: now,
						returnNote: null,
						returnedBy: null,
						returnedAt: null
					})
					.where(eq(table.id, draft.id));
				await live.changed(tx, 'recordings');
			} else {
				await tx
					.update(table)
					.set({ returnNote: note, returnedBy: actor.email, returnedAt: now })
					.where(eq(table.id, draft.id));
			}
			await audit(tx, {
				actor: actor.email,
				action: input.decision === 'approve' ? 'recording.approved' : 'recording.returned',
				subject: `${lang}:${input.audioId}`,
				data:
					input.decision === 'approve'
						? { id: draft.id, replaced: rows.length - 1 }
						: { id: draft.id, note }
			});
			return slotOf(text, lang, await slotRows(tx, input.audioId, lang));
		});
	},

	/** A reviewer says the approved take still matches the changed text: the flag goes. */
	async confirm(
		db: Database,
		input: { audioId: string; lang: string },
		actor: StaffUser
	): Promise<Slot> {
		requireRole(actor, 'reviewer');
		const { lang, text } = await textOf(input.audioId, input.lang);
		return db.transaction(async (tx) => {
			const [updated] = await tx
				.update(table)
				.set({ textHash: transcriptHash(text.text) })
				.where(
					and(eq(table.audioId, input.audioId), eq(table.lang, lang), eq(table.state, 'reviewed'))
				)
				.returning({ id: table.id });
			if (!updated) throw new DomainError('NOTHING_TO_REVIEW');
			await audit(tx, {
				actor: actor.email,
				action: 'recording.confirmed',
				subject: `${lang}:${input.audioId}`,
				data: { id: updated.id }
			});
			return slotOf(text, lang, await slotRows(tx, input.audioId, lang));
		});
	},

	/**
	 * A take's file. Citizens get reviewed takes only; `drafts` lets the studio play a take that
	 * waits for review.
	 */
	async file(
		db: Database,
		id: string,
		format: Format,
		{ drafts = false } = {}
	): Promise<{ bytes: Buffer; type: string } | undefined> {
		const [row] = await db
			.select({ bytes: format === 'opus' ? table.opus : table.mp3, state: table.state })
			.from(table)
			.where(eq(table.id, id));
		if (!row || (row.state !== 'reviewed' && !drafts)) return undefined;
		return { bytes: row.bytes, type: AUDIO_TYPES[format] };
	},

	/** A voice synthesised on the server, while it reads the text with that hash. */
	async voice(
		db: Database,
		audioId: string,
		hash: string,
		format: Format
	): Promise<{ bytes: Buffer; type: string } | undefined> {
		const [row] = await db
			.select({
				bytes: format === 'opus' ? synthesizedAudio.opus : synthesizedAudio.mp3,
				textHash: synthesizedAudio.textHash
			})
			.from(synthesizedAudio)
			.where(eq(synthesizedAudio.audioId, audioId));
		if (!row || row.textHash !== hash) return undefined;
		return { bytes: row.bytes, type: AUDIO_TYPES[format] };
	},

	/**
	 * Synthesises again, on the server, the Spanish voice of each text that changed since its audio
	 * was made (the worker calls it on every instance). Without a synthesiser on the machine the
	 * texts stay flagged for recording in the studio. Answers how many voices it made.
	 */
	async resynthesize(db: Database): Promise<number> {
		const changed = changedSinceSynthesis();
		if (changed.size === 0) return 0;
		const texts = await recordable('es');
		let made = 0;
		for (const text of texts.filter((candidate) => changed.has(candidate.id))) {
			const voice = await synthesize(text.text);
			if (!voice) break;
			const values = {
				textHash: textHash(text.text),
				seconds: voice.seconds,
				opus: voice.opus,
				mp3: voice.mp3,
				opusBytes: voice.opus.byteLength,
				mp3Bytes: voice.mp3.byteLength,
				madeAt: clock.now()
			};
			await db
				.insert(synthesizedAudio)
				.values({ audioId: text.id, ...values })
				.onConflictDoUpdate({ target: synthesizedAudio.audioId, set: values });
			made += 1;
		}
		if (made) await live.changed(db, 'recordings');
		return made;
	},

	/** The languages a recording can be in. */
	languages: LOCALES
};

live.on('recordings', publishRecordings, ['translations', 'content']);
