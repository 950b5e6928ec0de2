import { and, eq } from 'drizzle-orm';
import { fold, terms } from '$lib/domain/search';
import { contextNote, placeholders, readSheet, rowsOf, toCsv, type State } from '$lib/i18n/sheet';
import { audit } from '../audit';
import { clock } from '../clock';
import type { Database } from '../db';
import type { Transaction } from '../idempotency';
import { translations as table } from '../db/schema';
import { DomainError } from '../errors';
import { live } from '../live';
import { requireRole, type StaffUser } from '../staff';
import { groups, sourceText, sourceTexts, type SourceText } from './catalogue';
import { cleanText, countStates, entryOf, type Counts, type Entry, type Row } from './entries';
import { publishTranslations } from './publish';

export { groups, sourceTexts, type SourceText } from './catalogue';
export { cleanText, entryOf, type Counts, type Entry } from './entries';
export { coverage } from './publish';
export { STATES, type State } from '$lib/i18n/sheet';

/** The languages translated in the studio: every one but Spanish, the source. */
export const STUDIO_LANGS = ['guc'] as const;
export type StudioLang = (typeof STUDIO_LANGS)[number];

/** Longer than any string or content field the app has; a text this long is a pasting mistake. */
export const MAX_TEXT = 4000;

export interface Filter {
	lang: StudioLang;
	state?: State | undefined;
	/** Words in Spanish, Wayuunaiki or the key; case, accents, ü and glottal stops folded. */
	q?: string | undefined;
	/** A namespace (`booking`) or a kind of content (`content:servicio`). */
	group?: string | undefined;
	offset?: number;
	limit?: number;
}

export interface Listing {
	/** Of the texts the group and words select, in each state. */
	counts: Counts;
	/** How many match the filter with its state. */
	total: number;
	entries: Entry[];
	/** For the content blocks of these entries: how many of their shown fields citizens see translated. */
	blocks: Record<string, { reviewed: number; total: number }>;
}

function matches(entry: Entry, wanted: string[]): boolean {
	if (!wanted.length) return true;
	const haystack = fold(`${entry.key} ${entry.spanish} ${entry.text ?? ''}`);
	return wanted.every((term) => haystack.includes(term));
}

async function rowOf(
	db: Database | Transaction,
	lang: StudioLang,
	key: string,
	{ lock = false } = {}
): Promise<Row | undefined> {
	const query = db
		.select()
		.from(table)
		.where(and(eq(table.lang, lang), eq(table.key, key)));
	const [row] = lock ? await query.for('update') : await query;
	return row;
}

function knownSource(key: string): SourceText {
	const source = sourceText(key);
	if (!source) throw new DomainError('NOT_FOUND');
	return source;
}

function checkPlaceholders(source: SourceText, text: string): void {
	const expected = source.placeholders.join(',');
	const found = placeholders(text).join(',');
	if (expected !== found) {
		const list = (names: string[]) => names.map((name) => `{{${name}}}`).join(', ') || '—';
		throw new DomainError('PLACEHOLDERS_DIFFER', {
			values: { expected: list(source.placeholders), found: list(placeholders(text)) }
		});
	}
}

/** A row's values for a new draft: its author and the Spanish it translates; a return note goes. */
function draftOf(text: string, spanish: string, actor: StaffUser) {
	return {
		text,
		state: 'draft' as const,
		source: spanish,
		writtenBy: actor.email,
		writtenAt: clock.now(),
		returnNote: null,
		returnedBy: null,
		returnedAt: null
	};
}

export const translations = {
	/** Every text with its translation in `lang`, filtered, searched and paged. */
	async list(db: Database, filter: Filter): Promise<Listing> {
		const rows = await db.select().from(table).where(eq(table.lang, filter.lang));
		const byKey = new Map(rows.map((row) => [row.key, row]));
		const wanted = terms(filter.q ?? '');
		const all = sourceTexts().map((source) => entryOf(source, byKey.get(source.key)));
		const selected = all
			.filter((entry) => !filter.group || entry.group === filter.group)
			.filter((entry) => matches(entry, wanted));
		// The texts that say just what was searched come first, then those that start with it.
		const asked = fold(filter.q ?? '');
		if (asked) {
			const rank = (entry: Entry) => {
				const said = [entry.spanish, entry.text ?? ''].map(fold);
				if (said.includes(asked)) return 0;
				return said.some((text) => text.startsWith(asked)) ? 1 : 2;
			};
			selected.sort((a, b) => rank(a) - rank(b));
		}
		const shown = filter.state
			? selected.filter((entry) => entry.state === filter.state)
			: selected;
		const offset = filter.offset ?? 0;
		const entries = shown.slice(offset, offset + (filter.limit ?? shown.length));
		const blocks: Listing['blocks'] = {};
		for (const entry of entries) {
			if (!entry.block || blocks[entry.block.key]) continue;
			const fields = all.filter(
				(other) => other.block?.key === entry.block!.key && other.block.required
			);
			blocks[entry.block.key] = {
				reviewed: fields.filter((field) => field.published !== null).length,
				total: fields.length
			};
		}
		return { counts: countStates(selected), total: shown.length, entries, blocks };
	},

	async get(db: Database, lang: StudioLang, key: string): Promise<Entry> {
		return entryOf(knownSource(key), await rowOf(db, lang, key));
	},

	/**
	 * Saves a translator's text as a draft, to be reviewed by another account. The glottal stop is
	 * stored as U+0027 and the placeholders must be those of the Spanish. Saving the text citizens
	 * already see, for the same Spanish, changes nothing.
	 */
	async save(
		db: Database,
		input: { lang: StudioLang; key: string; text: string },
		actor: StaffUser
	): Promise<Entry> {
		requireRole(actor, 'translator');
		const source = knownSource(input.key);
		const text = cleanText(input.text);
		if (!text) {
			throw new DomainError('VALIDATION_FAILED', {
				fields: [{ path: 'text', message: 'required' }]
			});
		}
		if (text.length > MAX_TEXT) {
			throw new DomainError('VALIDATION_FAILED', {
				fields: [{ path: 'text', message: 'too_long' }]
			});
		}
		checkPlaceholders(source, text);
		return db.transaction(async (tx) => {
			const row = await rowOf(tx, input.lang, input.key, { lock: true });
			const current = entryOf(source, row);
			if (current.state === 'reviewed' && current.text === text) return current;
			if (current.state === 'draft' && current.text === text && !current.sourceChanged && row) {
				return current;
			}
			const values = draftOf(text, source.spanish, actor);
			const [saved] = await tx
				.insert(table)
				.values({ lang: input.lang, key: input.key, ...values })
				.onConflictDoUpdate({ target: [table.lang, table.key], set: values })
				.returning();
			await audit(tx, {
				actor: actor.email,
				action: 'translation.saved',
				subject: `${input.lang}:${input.key}`,
				data: { text, sourceChanged: current.sourceChanged !== null }
			});
			// Only a draft over a reviewed text changes what pages show (the reviewed one is gone):
			// any other draft leaves pages, and the word phones update their copies by, as they are.
			if (current.state === 'reviewed') await live.changed(tx, 'translations');
			return entryOf(source, saved);
		});
	},

	/**
	 * A reviewer approves another account's draft (it is live at once, on every instance) or sends
	 * it back with a note. Nobody reviews their own text (OWN_TEXT); `seen`, when given, is the text
	 * the reviewer read: a draft changed since then is refused (TEXT_CHANGED).
	 */
	async review(
		db: Database,
		input: {
			lang: StudioLang;
			key: string;
			decision: 'approve' | 'return';
			note?: string | undefined;
			seen?: string | undefined;
		},
		actor: StaffUser
	): Promise<Entry> {
		requireRole(actor, 'reviewer');
		const source = knownSource(input.key);
		const note = input.note?.trim() ?? '';
		if (input.decision === 'return' && !note) {
			throw new DomainError('VALIDATION_FAILED', {
				fields: [{ path: 'note', message: 'required' }]
			});
		}
		return db.transaction(async (tx) => {
			const row = await rowOf(tx, input.lang, input.key, { lock: true });
			const current = entryOf(source, row);
			if (!row || current.state !== 'draft') throw new DomainError('NOTHING_TO_REVIEW');
			if (row.writtenBy === actor.email) throw new DomainError('OWN_TEXT');
			if (input.seen !== undefined && cleanText(input.seen) !== row.text) {
				throw new DomainError('TEXT_CHANGED');
			}
			const now = clock.now();
			let changes: Partial<Row>;
			if (input.decision === 'approve') {
				// Written for another Spanish: its author must look at it again first.
				if (current.sourceChanged) throw new DomainError('SOURCE_CHANGED');
				changes = {
					state: 'reviewed',
					publishedText: row.text,
					publishedSource: row.source,
					reviewedBy: actor.email,
					reviewedAt: now,
					returnNote: null,
					returnedBy: null,
					returnedAt: null
				};
			} else {
				changes = { returnNote: note, returnedBy: actor.email, returnedAt: now };
			}
			const [saved] = await tx
				.update(table)
				.set(changes)
				.where(and(eq(table.lang, input.lang), eq(table.key, input.key)))
				.returning();
			await audit(tx, {
				actor: actor.email,
				action: input.decision === 'approve' ? 'translation.approved' : 'translation.returned',
				subject: `${input.lang}:${input.key}`,
				data: input.decision === 'approve' ? { text: row.text } : { note }
			});
			if (input.decision === 'approve') await live.changed(tx, 'translations');
			return entryOf(source, saved);
		});
	},

	/** The translators' sheet (RFC 4180 CSV), with the studio's texts and states. */
	async exportCsv(db: Database, lang: StudioLang): Promise<string> {
		const { entries } = await translations.list(db, { lang });
		return toCsv(
			rowsOf(
				entries.map((entry) => ({
					key: entry.key,
					spanish: entry.spanish,
					wayuunaiki: entry.text ?? undefined,
					state: entry.state,
					context: contextNote(entry.key, entry.spanish),
					audio: entry.audio
				}))
			)
		);
	},

	/**
	 * Reads a sheet back through the same checks as `npm run i18n:import` (header, unknown or
	 * repeated keys, placeholders, states, glottal stop) and, only when it has no error, saves each
	 * changed text as a draft of the importer: a sheet never approves anything (four eyes). A blank
	 * cell leaves the text as it is.
	 */
	async importCsv(
		db: Database,
		lang: StudioLang,
		csv: string,
		actor: StaffUser
	): Promise<{ saved: string[]; unchanged: number; normalised: string[]; warnings: string[] }> {
		requireRole(actor, 'translator');
		const known = new Map(sourceTexts().map((source) => [source.key, source.spanish]));
		const sheet = readSheet(csv, known);
		if (sheet.errors.length) {
			throw new DomainError('SHEET_INVALID', {
				values: { count: sheet.errors.length },
				extra: { problems: sheet.errors.slice(0, 50) }
			});
		}
		const rows = await db.select().from(table).where(eq(table.lang, lang));
		const byKey = new Map(rows.map((row) => [row.key, row]));
		const changed = [...sheet.translations].filter(([key, { text }]) => {
			const current = entryOf(sourceText(key)!, byKey.get(key));
			return current.text !== text || current.sourceChanged !== null;
		});
		const saved: string[] = [];
		if (changed.length) {
			await db.transaction(async (tx) => {
				for (const [key, { text }] of changed) {
					const values = draftOf(text, known.get(key)!, actor);
					await tx
						.insert(table)
						.values({ lang, key, ...values })
						.onConflictDoUpdate({ target: [table.lang, table.key], set: values });
					saved.push(key);
				}
				await audit(tx, {
					actor: actor.email,
					action: 'translation.imported',
					subject: lang,
					data: { keys: saved }
				});
				await live.changed(tx, 'translations');
			});
		}
		return {
			saved,
			unchanged: sheet.translations.size - saved.length,
			normalised: sheet.normalised,
			warnings: sheet.warnings
		};
	},

	groups
};

// The translations are shown only while their Spanish is the published one: content first.
live.on('translations', publishTranslations, ['content']);
