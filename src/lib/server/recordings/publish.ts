import { eq } from 'drizzle-orm';
import { recordableTexts } from '$lib/audio/catalogue';
import { textHash } from '$lib/audio/files';
import {
	manifest,
	publishRecordings as overlay,
	withdrawGenerated,
	type AudioEntry
} from '$lib/audio/manifest';
import { LOCALES, type Locale } from '$lib/i18n/locales';
import { translator } from '$lib/i18n/translator';
import type { Database } from '../db';
import { recordings as table, synthesizedAudio } from '../db/schema';

const TYPES = { opus: 'audio/ogg; codecs=opus', mp3: 'audio/mpeg' } as const;

let minutes: Record<Locale, number> = { es: 0, guc: 0 };

/** Where a reviewed take is served to everyone (its id makes the address unique and lasting). */
export function takeUrl(id: string, format: 'opus' | 'mp3'): string {
	return `/audio/grabaciones/${id}.${format}`;
}

/** Where a voice synthesised on the server is served (its text's hash makes the address lasting). */
export function voiceUrl(audioId: string, hash: string, format: 'opus' | 'mp3'): string {
	return `/audio/sintetizado/${audioId}.${hash}.${format}`;
}

/**
 * Loads the reviewed recordings into this process's audio list: each replaces the synthesised
 * Spanish voice or fills the Wayuunaiki slot on the pages, in `/audios` and the offline pack.
 */
export async function publishRecordings(db: Database): Promise<void> {
	const rows = await db
		.select({
			id: table.id,
			audioId: table.audioId,
			lang: table.lang,
			seconds: table.seconds,
			opusBytes: table.opusBytes,
			mp3Bytes: table.mp3Bytes,
			textHash: table.textHash
		})
		.from(table)
		.where(eq(table.state, 'reviewed'));
	const voices = await db
		.select({
			audioId: synthesizedAudio.audioId,
			textHash: synthesizedAudio.textHash,
			seconds: synthesizedAudio.seconds,
			opusBytes: synthesizedAudio.opusBytes,
			mp3Bytes: synthesizedAudio.mp3Bytes
		})
		.from(synthesizedAudio);
	const entries: AudioEntry[] = [];
	const voiced: AudioEntry[] = [];
	const changed = new Set<string>();
	const totals: Record<Locale, number> = { es: 0, guc: 0 };
	for (const lang of LOCALES) {
		const i18n = await translator(lang);
		const texts = new Map(recordableTexts(lang, i18n).map((text) => [text.id, text]));
		// Synthesised audio reads the text it was made from: a text changed since then is withdrawn.
		for (const entry of manifest.entries) {
			const text = texts.get(entry.id);
			if (entry.lang === lang && entry.source === 'generated' && text) {
				if (textHash(text.text) !== entry.hash) changed.add(entry.id);
			}
		}
		// The voice synthesised on the server for the text as it is now stands for the shipped one.
		for (const voice of lang === 'es' ? voices : []) {
			const text = texts.get(voice.audioId);
			if (!text || !changed.has(voice.audioId) || voice.textHash !== textHash(text.text)) continue;
			changed.delete(voice.audioId);
			voiced.push({
				id: voice.audioId,
				lang,
				source: 'generated',
				kind: text.kind,
				title: text.title,
				page: text.page,
				hash: voice.textHash,
				seconds: voice.seconds,
				files: (['opus', 'mp3'] as const).map((format) => ({
					format,
					type: TYPES[format],
					url: voiceUrl(voice.audioId, voice.textHash, format),
					bytes: format === 'opus' ? voice.opusBytes : voice.mp3Bytes
				}))
			});
		}
		for (const row of rows.filter((candidate) => candidate.lang === lang)) {
			const text = texts.get(row.audioId);
			if (!text) continue;
			totals[lang] += row.seconds / 60;
			entries.push({
				id: row.audioId,
				lang,
				source: 'recorded',
				kind: text.kind,
				title: text.title,
				...(text.titleLang !== lang ? { titleLang: text.titleLang } : {}),
				page: text.page,
				hash: row.textHash,
				seconds: row.seconds,
				files: [
					{ format: 'opus', type: TYPES.opus, url: takeUrl(row.id, 'opus'), bytes: row.opusBytes },
					{ format: 'mp3', type: TYPES.mp3, url: takeUrl(row.id, 'mp3'), bytes: row.mp3Bytes }
				]
			});
		}
	}
	// A person's recording comes first; the server's voice after it.
	overlay([...entries, ...voiced]);
	withdrawGenerated([...changed, ...voiced.map((entry) => entry.id)]);
	generatedChanged = changed;
	minutes = totals;
}

let generatedChanged = new Set<string>();

/** The Spanish texts whose synthesised audio no longer matches them: they need a recording. */
export function changedSinceSynthesis(): ReadonlySet<string> {
	return generatedChanged;
}

/** Minutes of reviewed recordings per language, as this instance last loaded them. */
export function recordedMinutes(): Record<Locale, number> {
	return { ...minutes };
}
