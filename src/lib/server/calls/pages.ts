import { entity } from '$lib/config/entity';
import { dateInWords, timeInWords } from '$lib/domain/dates-in-words';
import {
	CALL_STRINGS,
	type CallPageConfig,
	type CallRole,
	type CallString
} from '$lib/domain/calls';
import type { Locale } from '$lib/i18n/locales';
import { translator } from '$lib/i18n/translator';
import type { Appointment } from '../appointments';
import type { Database } from '../db';
import { calls, versionOf } from '.';
import { callTimes } from './phase';

/** Where each text of the page's script comes from. */
const KEYS: Record<CallString, string> = {
	opened: 'calls:status.opened',
	joining: 'calls:status.joining',
	waiting: 'calls:status.waiting',
	inRoom: 'calls:status.inRoom',
	joined: 'calls:status.joined',
	left: 'calls:status.left',
	reconnecting: 'calls:status.reconnecting',
	reconnected: 'calls:status.reconnected',
	micOff: 'calls:status.micOff',
	micOn: 'calls:status.micOn',
	cameraOff: 'calls:status.cameraOff',
	cameraOn: 'calls:status.cameraOn',
	audioOnlyOn: 'calls:status.audioOnlyOn',
	audioOnlyOff: 'calls:status.audioOnlyOff',
	noCamera: 'calls:status.noCamera',
	noMedia: 'calls:status.noMedia',
	youLeft: 'calls:status.youLeft',
	chatUnavailable: 'calls:chat.unavailable',
	chatFrom: 'calls:chat.from',
	you: 'calls:call.you',
	citizen: 'calls:roles.citizen',
	official: 'calls:roles.official',
	interpreter: 'calls:roles.interpreter',
	entry: 'calls:official.entry',
	entryLeft: 'calls:official.entryLeft',
	joinLogEmpty: 'calls:official.joinLogEmpty',
	citizenAbsent: 'calls:official.citizenAbsent',
	citizenWaiting: 'calls:official.citizenWaiting',
	citizenInCall: 'calls:official.citizenInCall',
	citizenLeft: 'calls:official.citizenLeft'
};

/** Everything a call page renders and hands its script, in the page's language. */
export async function callPage(
	db: Database,
	appointment: Appointment,
	role: CallRole,
	lang: Locale,
	staffUserId?: string
) {
	const { part } = await translator(lang);
	const state = await calls.state(db, appointment);
	const parts = CALL_STRINGS.map((key) => [key, part(KEYS[key])] as const);
	const config: CallPageConfig = {
		role,
		api: `/api/v1/calls/${appointment.reference}`,
		pass: calls.pass(appointment, role, staffUserId),
		state,
		version: versionOf(state),
		strings: Object.fromEntries(parts.map(([key, p]) => [key, p.text])) as Record<
			CallString,
			string
		>,
		spanish: parts.filter(([, p]) => p.lang !== lang).map(([key]) => key),
		lang,
		timeZone: entity.timeZone,
		problemsInSpanish: part('calls:problems.ROOM_NOT_OPEN.detail').lang !== lang
	};
	const times = callTimes(appointment);
	return {
		config,
		reference: appointment.reference,
		date: dateInWords(appointment.start),
		times: {
			opens: timeInWords(times.opensAt),
			start: timeInWords(times.startsAt),
			until: timeInWords(times.waitUntil),
			end: timeInWords(times.endsAt)
		}
	};
}
