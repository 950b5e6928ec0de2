import { normaliseGlottalStop } from '$lib/i18n/glottal';
import type { State } from '$lib/i18n/sheet';
import type { translations as table } from '../db/schema';
import type { SourceText } from './catalogue';

export type Row = typeof table.$inferSelect;

/** A text as the studio shows it: the Spanish, its translation, state and who did what when. */
export interface Entry extends SourceText {
	state: State;
	/** The latest writing: a draft waiting for review, or the reviewed text. */
	text: string | null;
	/** What citizens see now; null while they see the Spanish. */
	published: string | null;
	/** studio: written in the console; files: shipped in the locale files or content blocks. */
	origin: 'studio' | 'files' | null;
	writtenBy: string | null;
	writtenAt: string | null;
	reviewedBy: string | null;
	reviewedAt: string | null;
	/** A reviewer sent the draft back with this note. */
	returned: { note: string; by: string; at: string } | null;
	/** The Spanish changed since the text was written: it is a draft again, and this was the Spanish. */
	sourceChanged: { was: string } | null;
}

const iso = (date: Date | null) => (date ? date.toISOString() : null);

/** The translation's state as every reader sees it: a changed Spanish source makes it a draft. */
export function entryOf(source: SourceText, row: Row | undefined): Entry {
	const shippedReviewed = source.shipped?.state === 'reviewed' ? source.shipped.text : null;
	if (!row) {
		return {
			...source,
			state: source.shipped?.state ?? 'missing',
			text: source.shipped?.text ?? null,
			published: shippedReviewed,
			origin: source.shipped ? 'files' : null,
			writtenBy: null,
			writtenAt: null,
			reviewedBy: null,
			reviewedAt: null,
			returned: null,
			sourceChanged: null
		};
	}
	const changed = row.source !== source.spanish;
	const publishedNow = row.publishedText !== null && row.publishedSource === source.spanish;
	return {
		...source,
		state: row.state === 'reviewed' && !changed ? 'reviewed' : 'draft',
		text: row.text,
		published: publishedNow ? row.publishedText : shippedReviewed,
		origin: 'studio',
		writtenBy: row.writtenBy,
		writtenAt: iso(row.writtenAt),
		reviewedBy: row.reviewedBy,
		reviewedAt: iso(row.reviewedAt),
		returned:
			row.returnNote && row.returnedBy && row.returnedAt
				? { note: row.returnNote, by: row.returnedBy, at: row.returnedAt.toISOString() }
				: null,
		sourceChanged: changed ? { was: row.source } : null
	};
}

export type Counts = Record<State, number>;

export function countStates(entries: Pick<Entry, 'state'>[]): Counts {
	const counts: Counts = { reviewed: 0, draft: 0, missing: 0 };
	for (const entry of entries) counts[entry.state] += 1;
	return counts;
}

/** A text typed by a translator as it is stored: NFC, the glottal stop as U+0027, trimmed. */
export function cleanText(text: string): string {
	return normaliseGlottalStop(text.normalize('NFC')).trim();
}
