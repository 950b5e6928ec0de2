/**
 * Pure helpers of `npm run audio` (scripts/audio.js): text hashes, durations read from the
 * files, and the plan of what to keep, synthesise or take from a recording.
 */
import { createHash } from 'node:crypto';
import type { AudioText } from './catalogue';
import type { AudioEntry, AudioFormat } from './manifest';

/** How generated audio is made; part of every hash, so changing it regenerates everything. */
export const SETTINGS = {
	voice: 'es-419',
	wordsPerMinute: 150,
	opusKbps: 16,
	mp3Kbps: 24,
	mp3SampleKHz: 16
};

export const GENERATOR = `eSpeak NG (voice ${SETTINGS.voice}, ${SETTINGS.wordsPerMinute} words per minute); Opus mono ${SETTINGS.opusKbps} kbit/s (opusenc); MP3 mono ${SETTINGS.mp3Kbps} kbit/s at ${SETTINGS.mp3SampleKHz} kHz (LAME)`;

export const TYPES: Record<AudioFormat, string> = {
	opus: 'audio/ogg; codecs=opus',
	mp3: 'audio/mpeg'
};

/** The first 16 hex digits of SHA-256 over the settings and the text read. */
export function textHash(text: string, settings: object = SETTINGS): string {
	return createHash('sha256')
		.update(JSON.stringify(settings))
		.update('\n')
		.update(text)
		.digest('hex')
		.slice(0, 16);
}

/** Seconds of an Ogg Opus file: the last page's granule position, less the pre-skip, at 48 kHz. */
export function opusSeconds(buffer: Buffer): number {
	const head = buffer.indexOf('OpusHead');
	if (head < 0) throw new Error('not an Ogg Opus file');
	const preSkip = buffer.readUInt16LE(head + 10);
	const last = buffer.lastIndexOf('OggS');
	if (last < 0 || last + 14 > buffer.length) throw new Error('no Ogg page found');
	const granule = Number(buffer.readBigUInt64LE(last + 6));
	return Math.max(0, (granule - preSkip) / 48_000);
}

const MP3_KBPS: Record<1 | 2, number[]> = {
	// MPEG-1 layer III, then MPEG-2/2.5 layer III, by the header's bitrate index.
	1: [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320],
	2: [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160]
};

/**
 * Seconds of an MP3 file, estimated from its first frame's bitrate (exact for the constant
 * bitrate that LAME writes here and that most recorders use).
 */
export function mp3Seconds(buffer: Buffer): number {
	let start = 0;
	if (buffer.subarray(0, 3).toString('latin1') === 'ID3') {
		const size =
			((buffer[6]! & 0x7f) << 21) |
			((buffer[7]! & 0x7f) << 14) |
			((buffer[8]! & 0x7f) << 7) |
			(buffer[9]! & 0x7f);
		start = 10 + size;
	}
	for (let i = start; i < buffer.length - 4; i++) {
		if (buffer[i] !== 0xff || (buffer[i + 1]! & 0xe0) !== 0xe0) continue;
		const version = (buffer[i + 1]! >> 3) & 0x03;
		const index = (buffer[i + 2]! >> 4) & 0x0f;
		const kbps = MP3_KBPS[version === 3 ? 1 : 2][index];
		if (!kbps) continue;
		return ((buffer.length - i) * 8) / (kbps * 1000);
	}
	throw new Error('no MP3 frame found');
}

/**
 * What to do for each text: `recorded` when a person's recording exists (it always wins),
 * `keep` when the generated files match the text's hash, `generate` otherwise (Spanish only:
 * Wayuunaiki is never synthesised), `none` for a Wayuunaiki text nobody has recorded yet.
 */
export interface RecordedFile {
	format: AudioFormat;
	path: string;
	url: string;
}

export interface Step {
	text: AudioText;
	hash: string;
	action: 'recorded' | 'keep' | 'generate' | 'none';
	files?: RecordedFile[];
}

export function plan({
	texts,
	lang,
	previous,
	recordings,
	generatedExists
}: {
	texts: AudioText[];
	lang: string;
	previous: Pick<AudioEntry, 'id' | 'lang' | 'source' | 'hash'>[];
	recordings: Map<string, RecordedFile[]>;
	generatedExists: (id: string) => boolean;
}): Step[] {
	return texts.map((text) => {
		const hash = textHash(text.text);
		const recorded = recordings.get(text.id);
		if (recorded) return { text, hash, action: 'recorded', files: recorded };
		if (lang !== 'es') return { text, hash, action: 'none' };
		const old = previous.find(
			(entry) => entry.id === text.id && entry.lang === lang && entry.source === 'generated'
		);
		const fresh = old && old.hash === hash && generatedExists(text.id);
		return { text, hash, action: fresh ? 'keep' : 'generate' };
	});
}
