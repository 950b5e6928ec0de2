import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { opusSeconds } from '$lib/audio/files';
import { DomainError } from '../errors';

/**
 * A person's recording, from whatever the browser or the uploaded file holds (WebM or Ogg Opus
 * from MediaRecorder, MP4/AAC from Safari, WAV, MP3…), to the two formats every phone plays:
 * Opus (small) and an MP3 fallback, both mono, through Debian's ffmpeg.
 */
export const AUDIO_LIMITS = {
	/** An upload larger than this is refused before it is read whole (10 minutes of WAV fit). */
	maxBytes: 15 * 1024 * 1024,
	minSeconds: 1,
	maxSeconds: 600
};

export const RECORDING_SETTINGS = { opusKbps: 24, mp3Kbps: 32, mp3SampleHz: 22050 };

export interface Transcoded {
	opus: Buffer;
	mp3: Buffer;
	seconds: number;
}

const FFMPEG_TIMEOUT_MS = 120_000;
// ffmpeg takes a core while it runs; the machine has few.
const MAX_RUNNING = 2;
let running = 0;
const waiting: (() => void)[] = [];

async function slot<T>(work: () => Promise<T>): Promise<T> {
	if (running >= MAX_RUNNING) await new Promise<void>((resolve) => waiting.push(resolve));
	running++;
	try {
		return await work();
	} finally {
		running--;
		waiting.shift()?.();
	}
}

function ffmpeg(args: string[]): Promise<{ code: number | null; stderr: string }> {
	return new Promise((resolve, reject) => {
		const child = spawn('ffmpeg', args, { stdio: ['ignore', 'ignore', 'pipe'] });
		let stderr = '';
		child.stderr.setEncoding('utf8');
		child.stderr.on('data', (chunk: string) => {
			if (stderr.length < 4000) stderr += chunk;
		});
		const timer = setTimeout(() => child.kill('SIGKILL'), FFMPEG_TIMEOUT_MS);
		child.once('error', (error) => {
			clearTimeout(timer);
			reject(error);
		});
		child.once('close', (code) => {
			clearTimeout(timer);
			resolve({ code, stderr });
		});
	});
}

/** Refuses what is not audio (AUDIO_UNREADABLE), too short or too long; answers both formats. */
export async function transcode(input: Uint8Array): Promise<Transcoded> {
	if (input.byteLength === 0) throw new DomainError('AUDIO_UNREADABLE');
	if (input.byteLength > AUDIO_LIMITS.maxBytes) {
		throw new DomainError('AUDIO_TOO_LONG', { values: { minutes: AUDIO_LIMITS.maxSeconds / 60 } });
	}
	const dir = await mkdtemp(join(tmpdir(), 'ventanilla-recording-'));
	try {
		const source = join(dir, 'source');
		await writeFile(source, input);
		const { opusKbps, mp3Kbps, mp3SampleHz } = RECORDING_SETTINGS;
		const mono = ['-map', '0:a:0', '-ac', '1', '-map_metadata', '-1'];
		const { code } = await slot(() =>
			ffmpeg([
				'-nostdin',
				'-hide_banner',
				'-loglevel',
				'error',
				// One second past the limit is enough to tell a recording is too long.
				'-t',
				String(AUDIO_LIMITS.maxSeconds + 1),
				'-i',
				source,
				...mono,
				'-c:a',
				'libopus',
				'-b:a',
				`${opusKbps}k`,
				'-application',
				'voip',
				'-f',
				'ogg',
				join(dir, 'out.opus'),
				...mono,
				'-c:a',
				'libmp3lame',
				'-b:a',
				`${mp3Kbps}k`,
				'-ar',
				String(mp3SampleHz),
				'-f',
				'mp3',
				join(dir, 'out.mp3')
			])
		);
		if (code !== 0) throw new DomainError('AUDIO_UNREADABLE');
		const [opus, mp3] = await Promise.all([
			readFile(join(dir, 'out.opus')),
			readFile(join(dir, 'out.mp3'))
		]);
		let seconds: number;
		try {
			seconds = Math.round(opusSeconds(opus) * 10) / 10;
		} catch {
			throw new DomainError('AUDIO_UNREADABLE');
		}
		if (seconds < AUDIO_LIMITS.minSeconds) {
			throw new DomainError('AUDIO_TOO_SHORT', { values: { seconds: AUDIO_LIMITS.minSeconds } });
		}
		if (seconds > AUDIO_LIMITS.maxSeconds) {
			throw new DomainError('AUDIO_TOO_LONG', {
				values: { minutes: AUDIO_LIMITS.maxSeconds / 60 }
			});
		}
		return { opus, mp3, seconds };
	} finally {
		await rm(dir, { recursive: true, force: true });
	}
}
