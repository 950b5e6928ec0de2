import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { ContentBlock } from './blocks';
import {
	contextNote,
	flatten,
	readSheet,
	rowsOf,
	toCsv,
	unflatten,
	type Imported,
	type SourceString,
	type State
} from './sheet';

/**
 * The files behind `npm run i18n:export` and `i18n:import`, relative to a
 * project root (a temporary copy in tests).
 */

/** Wayuunaiki content translations imported from a sheet, waiting to be copied into src/lib/content. */
export const CONTENT_FILE = 'i18n/wayuunaiki-content.json';
export const SHEET_FILE = 'i18n/wayuunaiki.csv';

type Translation = { text: string; state: 'reviewed' | 'draft' };
type Staged = Record<string, Translation>;

const readJson = <T>(path: string, fallback: T): T =>
	existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as T) : fallback;
const writeJson = (path: string, value: unknown) => {
	mkdirSync(dirname(path), { recursive: true });
	writeFileSync(path, JSON.stringify(value, null, '\t') + '\n');
};

function namespaces(root: string): string[] {
	return readdirSync(join(root, 'locales', 'es'))
		.filter((file) => file.endsWith('.json'))
		.map((file) => file.slice(0, -'.json'.length))
		.sort();
}

function locale(root: string, lang: string): Map<string, string> {
	const keys = new Map<string, string>();
	for (const ns of namespaces(root)) {
		const data = readJson(join(root, 'locales', lang, `${ns}.json`), {});
		for (const [key, value] of flatten(data)) keys.set(`${ns}:${key}`, value);
	}
	return keys;
}

export interface Sources {
	blocks: ContentBlock[];
	/** Locale keys read by a journey's audio instructions: a recording of them is wanted. */
	audioKeys: Set<string>;
}

/** Every string a translator can work on, with its current Wayuunaiki text and state. */
export function sourceStrings(root: string, { blocks, audioKeys }: Sources): SourceString[] {
	const es = locale(root, 'es');
	const guc = locale(root, 'guc');
	const review = readJson<Record<string, string>>(join(root, 'locales', 'guc.review.json'), {});
	const strings: SourceString[] = [...es].map(([key, spanish]) => {
		const wayuunaiki = guc.get(key);
		const state: State = wayuunaiki
			? review[key] === 'reviewed'
				? 'reviewed'
				: 'draft'
			: 'missing';
		return {
			key,
			spanish,
			wayuunaiki,
			state,
			context: contextNote(key, spanish),
			audio: audioKeys.has(key)
		};
	});
	const staged = readJson<Staged>(join(root, CONTENT_FILE), {});
	for (const { key, context, audio, block } of blocks) {
		const translated = block.guc ? flatten(block.guc.text) : new Map<string, string>();
		for (const [field, spanish] of flatten(block.es)) {
			const id = `content:${key}.${field}`;
			const stagedField = staged[id];
			const wayuunaiki = stagedField?.text ?? translated.get(field);
			const state: State = stagedField?.state ?? (wayuunaiki ? block.guc!.review : 'missing');
			strings.push({
				key: id,
				spanish,
				wayuunaiki,
				state,
				context: contextNote(id, spanish, context),
				audio
			});
		}
	}
	return strings;
}

export function exportSheet(root: string, sources: Sources, file = SHEET_FILE): number {
	const strings = sourceStrings(root, sources);
	mkdirSync(dirname(resolve(root, file)), { recursive: true });
	writeFileSync(resolve(root, file), toCsv(rowsOf(strings)));
	return strings.length;
}

/**
 * Validates a sheet and, only when it has no errors, writes `locales/guc/*.json`,
 * `locales/guc.review.json` and the content translations. Keys the sheet leaves out keep
 * their current text; a blank cell removes a translation.
 */
export function importSheet(
	root: string,
	sources: Sources,
	file: string
): Imported & { written: boolean } {
	const strings = sourceStrings(root, sources);
	const known = new Map(strings.map((string) => [string.key, string.spanish]));
	const csv = readFileSync(resolve(root, file), 'utf8');
	const result = readSheet(csv, known);
	if (result.errors.length) return { ...result, written: false };

	const current = strings
		.filter((string) => string.wayuunaiki && string.state !== 'missing')
		.map(
			(string) =>
				[string.key, { text: string.wayuunaiki!, state: string.state } as Translation] as const
		);
	// Keys in the sheet take the sheet's value (or lose it when blank); the others keep theirs.
	const final = new Map<string, Translation>(current.filter(([key]) => !result.keys.has(key)));
	for (const [key, value] of result.translations) final.set(key, value);

	const order = strings.map((string) => string.key);
	const review: Record<string, string> = {};
	for (const ns of namespaces(root)) {
		const entries: [string, string][] = [];
		for (const [key, value] of final) {
			if (!key.startsWith(`${ns}:`)) continue;
			entries.push([key.slice(ns.length + 1), value.text]);
			review[key] = value.state;
		}
		entries.sort((a, b) => order.indexOf(`${ns}:${a[0]}`) - order.indexOf(`${ns}:${b[0]}`));
		writeJson(join(root, 'locales', 'guc', `${ns}.json`), unflatten(entries));
	}
	const sortedReview = Object.fromEntries(
		Object.entries(review).sort(([a], [b]) => a.localeCompare(b))
	);
	writeJson(join(root, 'locales', 'guc.review.json'), sortedReview);
	const content: Staged = {};
	for (const [key, value] of final) if (key.startsWith('content:')) content[key] = value;
	if (Object.keys(content).length || existsSync(join(root, CONTENT_FILE)))
		writeJson(join(root, CONTENT_FILE), content);
	return { ...result, written: true };
}
