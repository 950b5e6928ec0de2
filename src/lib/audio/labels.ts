import type { TextPart, Translator } from '$lib/i18n/translator';

/** "1 min 20 s", "45 s", "2 min": the length of an audio, shown before it plays. */
export function audioDuration(
	part: Translator['part'],
	{ minutes, seconds }: { minutes: number; seconds: number }
): TextPart {
	if (minutes === 0) return part('audio:duration.seconds', { seconds });
	if (seconds === 0) return part('audio:duration.minutes', { minutes });
	return part('audio:duration.minutesSeconds', { minutes, seconds });
}
