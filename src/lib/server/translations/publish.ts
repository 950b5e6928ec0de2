import { eq } from 'drizzle-orm';
import { publishBlocks, type Block, type Published } from '$lib/content/types';
import { contentBlocks } from '$lib/i18n/blocks';
import type { Locale } from '$lib/i18n/locales';
import { unflatten } from '$lib/i18n/sheet';
import { putStrings, resetStrings } from '$lib/i18n/translator';
import type { Database } from '../db';
import { translations as table } from '../db/schema';
import { rebuildCatalogue, sourceTexts } from './catalogue';
import { countStates, entryOf, type Counts, type Entry } from './entries';

/** The translated language the studio publishes (Spanish is the source). */
const LANG: Locale = 'guc';

let current: Entry[] | undefined;

/** A copy of the Spanish block with the translated fields in place (`items.0` → items[0]). */
function translatedBlock(spanish: unknown, fields: [string, string][]): unknown {
	const copy = structuredClone(spanish) as Record<string, unknown>;
	for (const [path, text] of fields) {
		const parts = path.split('.');
		let node = copy as Record<string, unknown>;
		for (const part of parts.slice(0, -1)) node = node[part] as Record<string, unknown>;
		node[parts.at(-1)!] = text;
	}
	return copy;
}

/**
 * Loads the translations from the database into this process: each reviewed interface string
 * into i18next (over the reviewed strings of the locale files), and each block whose every shown
 * field is reviewed into the content. Drafts stay out. Called by `live` whenever they changed.
 */
export async function publishTranslations(db: Database): Promise<void> {
	// The Spanish of the content may have changed (it is loaded first): compare with the new one.
	rebuildCatalogue();
	const rows = await db.select().from(table).where(eq(table.lang, LANG));
	const byKey = new Map(rows.map((row) => [row.key, row]));
	const entries = sourceTexts().map((source) => entryOf(source, byKey.get(source.key)));

	const strings = new Map<string, [string, string][]>();
	const fields = new Map<string, Entry[]>();
	for (const entry of entries) {
		if (entry.block) {
			fields.set(entry.block.key, [...(fields.get(entry.block.key) ?? []), entry]);
		} else if (entry.origin === 'studio' && entry.published !== null) {
			const [ns, path] = [
				entry.key.slice(0, entry.key.indexOf(':')),
				entry.key.slice(entry.key.indexOf(':') + 1)
			];
			strings.set(ns, [...(strings.get(ns) ?? []), [path, entry.published]]);
		}
	}

	const blocks: [Block<unknown>, Locale, Published][] = [];
	for (const { key, block } of contentBlocks()) {
		const own = fields.get(key) ?? [];
		const shown = own.filter((entry) => entry.block!.required);
		if (shown.length && shown.every((entry) => entry.published !== null)) {
			const text = translatedBlock(
				block.es,
				own.flatMap((entry) =>
					entry.published === null
						? []
						: [[entry.block!.field, entry.published] as [string, string]]
				)
			);
			blocks.push([block, LANG, { review: 'reviewed', text }]);
		} else if (own.some((entry) => entry.state !== 'missing')) {
			blocks.push([block, LANG, { review: 'draft' }]);
		}
	}

	// Synchronous from here: no request renders between the reset and the new strings.
	resetStrings(LANG);
	for (const [ns, pairs] of strings) putStrings(LANG, ns, unflatten(pairs));
	publishBlocks(blocks);
	current = entries;
}

export interface Coverage {
	/** Interface strings citizens see. */
	interface: Counts;
	/** Fields of the charter, services, channels and glossary. */
	content: Counts;
	all: Counts;
	/** Per namespace or kind of content. */
	groups: { group: string; counts: Counts }[];
}

/** The share of texts reviewed, drafted and missing, as this instance last loaded them. */
export function coverage(): Coverage {
	const entries = current ?? sourceTexts().map((source) => entryOf(source, undefined));
	const groups = [...new Set(entries.map((entry) => entry.group))].map((group) => ({
		group,
		counts: countStates(entries.filter((entry) => entry.group === group))
	}));
	return {
		interface: countStates(entries.filter((entry) => !entry.block)),
		content: countStates(entries.filter((entry) => entry.block)),
		all: countStates(entries),
		groups
	};
}
