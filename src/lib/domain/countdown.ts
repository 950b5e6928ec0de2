/** Within this many minutes of the start the agenda counts down; further away it names the time. */
export const COUNTDOWN_MINUTES = 60;

/** What the agenda says of an appointment's start, by the minute. */
export type Countdown =
	| { kind: 'later' }
	| { kind: 'in'; minutes: number }
	| { kind: 'now' }
	| { kind: 'ago'; minutes: number }
	| { kind: 'ended' };

/**
 * "Empieza en 12 min" close to the start; "later" (the page names the day and time: "Empieza el
 * jueves 3 a las 10:00 a. m.") when more than an hour away, since nobody counts 2529 minutes.
 * Instants in milliseconds; the page and its script share this rule.
 */
export function countdown(start: number, end: number, now: number): Countdown {
	if (now >= end) return { kind: 'ended' };
	const minutes = Math.ceil((start - now) / 60_000);
	if (minutes > COUNTDOWN_MINUTES) return { kind: 'later' };
	if (minutes > 0) return { kind: 'in', minutes };
	if (minutes === 0) return { kind: 'now' };
	return { kind: 'ago', minutes: -minutes };
}
