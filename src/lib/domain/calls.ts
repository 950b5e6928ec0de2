// What the server and the call pages' scripts share about a call room (types only).

export type CallRole = 'citizen' | 'official' | 'interpreter';
export type Phase = 'before' | 'open' | 'closing' | 'ended';
/**
 * Why a call is over (or not to be had): its time ran out, the official ended it, the connection
 * failed and the citizen chooses a new time, another outcome closed it, or the booking still
 * waits for its emailed confirmation.
 */
export type EndReason = 'time' | 'hangup' | 'rescheduled' | 'closed' | 'unconfirmed';

export interface ParticipantView {
	id: string;
	role: CallRole;
	joinedAt: string;
	leftAt: string | null;
	present: boolean;
	connected: boolean;
}

/** What every browser in a call, and the pages around it, know of the room. */
export interface CallState {
	phase: Phase;
	reason: EndReason | null;
	status: string;
	times: { opensAt: string; startsAt: string; waitUntil: string; warnAt: string; endsAt: string };
	audioOnly: boolean;
	audioOnlyBy: CallRole | null;
	/** The join log: everyone who entered, in order of arrival. */
	participants: ParticipantView[];
	citizenJoined: boolean;
	citizenWaiting: boolean;
	/** The official's wait for the citizen (until start + 5 minutes) is over. */
	waitOver: boolean;
	/** The official may record "No asistió": the wait is over and the citizen never entered. */
	noShowAvailable: boolean;
}

/** The texts a call page's script may show, rendered by the server in the page's language. */
export const CALL_STRINGS = [
	'opened',
	'joining',
	'waiting',
	'inRoom',
	'joined',
	'left',
	'reconnecting',
	'reconnected',
	'micOff',
	'micOn',
	'cameraOff',
	'cameraOn',
	'audioOnlyOn',
	'audioOnlyOff',
	'noCamera',
	'noMedia',
	'youLeft',
	'chatUnavailable',
	'chatFrom',
	'you',
	'citizen',
	'official',
	'interpreter',
	'entry',
	'entryLeft',
	'joinLogEmpty',
	'citizenAbsent',
	'citizenWaiting',
	'citizenInCall',
	'citizenLeft'
] as const;
export type CallString = (typeof CALL_STRINGS)[number];

/** What a call page hands its script, in a JSON block. */
export interface CallPageConfig {
	role: CallRole;
	/** /api/v1/calls/{reference} */
	api: string;
	/** The room pass: lets this page's browser join this call. */
	pass: string;
	state: CallState;
	version: string;
	strings: Record<CallString, string>;
	/** The strings that fall back to Spanish on a Wayuunaiki page (marked lang="es" when shown). */
	spanish: CallString[];
	/** The page's language, for the API's messages; and whether those are in Spanish. */
	lang: string;
	/** The entity's time zone, for the times the script writes (the join log). */
	timeZone: string;
	problemsInSpanish: boolean;
}
