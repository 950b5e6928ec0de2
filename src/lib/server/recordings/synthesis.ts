import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SETTINGS } from '$lib/audio/files';
import { transcode, type Transcoded } from './transcode';

const ESPEAK_TIMEOUT_MS = 120_000;

/** Runs eSpeak NG; false when it is not installed on this machine. */
function espeak(text: string, wav: string): Promise<boolean> {
	return new Promise((resolve, reject) => {
		const child = spawn(
			'espeak-ng',
			['-v', SETTINGS.voice, '-s', String(SETTINGS.wordsPerMinute), '-w', wav, '--stdin'],
			{ stdio: ['pipe', 'ignore', 'ignore'] }
		);
		const timer = setTimeout(() => child.kill('SIGKILL'), ESPEAK_TIMEOUT_MS);
		child.once('error', (error: NodeJS.ErrnoException) => {
			clearTimeout(timer);
			if (error.code === 'ENOENT') resolve(false);
			else reject(error);
		});
		child.once('close', (code) => {
			clearTimeout(timer);
			if (code === 0) resolve(true);
			else reject(new Error(`espeak-ng exited with ${code}`));
		});
		child.stdin.end(text);
	});
}

/**
 * The Spanish voice of a text, as `npm run audio` makes it (eSpeak NG, the same voice and speed),
 * in the two formats the recordings use; null when the machine has no synthesiser.
 */
export async function synthesize(text: string): Promise<Transcoded | null> {
	const dir = await mkdtemp(join(tmpdir(), 'ventanilla-voice-'));
	try {
		const wav = join(dir, 'voice.wav');
		if (!(await espeak(text, wav))) return null;
		return await transcode(await readFile(wav));
	} finally {
		await rm(dir, { recursive: true, force: true });
	}
}
