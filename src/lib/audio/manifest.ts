import type { Locale } from '$lib/i18n/locales';
import { INTL_LOCALE } from '$lib/i18n/locales';
import data from './manifest.json';

export type AudioFormat = 'opus' | 'mp3';

export interface AudioFile {
	format: AudioFormat;
	/** The MIME type for `<source type>`. */
	type: string;
	/** Where the file is served, e.g. `/audio/es/carta.derechos.opus`. */
	url: string;
	bytes: number;
}

export interface AudioEntry {
	id: string;
	/** The language spoken in the recording. */
	lang: Locale;
	/**
	 * recorded: a person read it (always wins: files in static/audio/recorded, or a reviewed
	 * recording from the studio); generated: eSpeak NG at build time.
	 */
	source: 'recorded' | 'generated';
	kind: 'section' | 'service' | 'instructions';
	/** The heading of the text, in the language of the audio. */
	title: string;
	/** The language the heading is in, when it is not the audio's (a title not translated yet). */
	titleLang?: Locale;
	/** The page it belongs to, without the language segment. */
	page: string;
	/** SHA-256 (first 16 hex digits) of the text read and the synthesis settings. */
	hash: string;
	seconds: number;
	/** Opus first (smaller), then the MP3 fallback for older Apple devices. */
	files: AudioFile[];
}

export interface AudioManifest {
	/** How the generated files were made, for the accessibility statement and the README. */
	generator: string;
	entries: AudioEntry[];
}

export const manifest = data as AudioManifest;

/** Reviewed recordings from the studio, loaded while the server runs (`server/recordings`). */
let published: AudioEntry[] = [];

/** Replaces the studio's reviewed recordings in this process; they win over the manifest. */
export function publishRecordings(entries: AudioEntry[]): void {
	published = entries;
}

/** Generated audio whose Spanish text changed since it was synthesised (`server/recordings`). */
let stale = new Set<string>();

/**
 * Withdraws the synthesised voice of texts that changed in the content studio: it would read the
 * old text. The studio flags them for recording until someone records them or runs `npm run audio`.
 */
export function withdrawGenerated(ids: Iterable<string>): void {
	stale = new Set(ids);
}

/** A shipped entry still offered: a recording, or a voice that reads the text as it is. */
const offered = (entry: AudioEntry) => entry.source !== 'generated' || !stale.has(entry.id);

/**
 * The audio of a text for a page in `lang`: a recording in that language when there is one,
 * otherwise the Spanish audio (recorded or generated). Wayuunaiki is never synthesised.
 */
export function audioFor(id: string, lang: Locale): AudioEntry | undefined {
	const entries = [...published, ...manifest.entries.filter(offered)].filter(
		(entry) => entry.id === id
	);
	return (
		entries.find((entry) => entry.lang === lang) ?? entries.find((entry) => entry.lang === 'es')
	);
}

/** The audios a page in `lang` offers, one per text. */
export function audiosFor(lang: Locale): AudioEntry[] {
	const ids = [...new Set([...manifest.entries, ...published].map((entry) => entry.id))];
	return ids.map((id) => audioFor(id, lang)).filter((entry) => entry !== undefined);
}

/** Whole minutes and seconds, rounded to the second: 80.4 → { minutes: 1, seconds: 20 }. */
export function durationParts(total: number): { minutes: number; seconds: number } {
	const rounded = Math.max(1, Math.round(total));
	return { minutes: Math.floor(rounded / 60), seconds: rounded % 60 };
}

// Made once: pages list the size of every recording, and a formatter costs more to make than to use.
const kilobytes = new Intl.NumberFormat(INTL_LOCALE);
const megabytes = new Intl.NumberFormat(INTL_LOCALE, { maximumFractionDigits: 1 });

/** Sizes the way Colombian Spanish writes them: "180 kB", "5,2 MB". */
export function formatBytes(bytes: number): string {
	if (bytes < 1_000_000) return `${kilobytes.format(Math.max(1, Math.round(bytes / 1000)))} kB`;
	return `${megabytes.format(bytes / 1_000_000)} MB`;
}
