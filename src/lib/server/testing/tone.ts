import { execFileSync } from 'node:child_process';

/**
 * A tone of `seconds`, as a browser (WebM with Opus) or a recorder (WAV) would give it, made with
 * ffmpeg: the tests' recordings, never a voice.
 */
export function tone(seconds: number, format: 'wav' | 'webm' = 'wav', frequency = 440): Buffer {
	return execFileSync('ffmpeg', [
		'-hide_banner',
		'-loglevel',
		'error',
		'-f',
		'lavfi',
		'-i',
		`sine=frequency=${frequency}:duration=${seconds}`,
		...(format === 'webm' ? ['-c:a', 'libopus'] : []),
		'-f',
		format,
		'pipe:1'
	]);
}
