import type { EndReason, Phase } from '$lib/domain/calls';
import { formatInstant } from '$lib/domain/calendar';
import { outcomeTimes } from '../appointments/attendance';

// The 5-minute rule's instants come from the one owner of outcomes (appointments' attendance):
// the room opens when `attended` becomes possible and the official's wait ends when `no_show` does.

/** Both sides are told this many minutes before the end that the call is about to end. */
export const WARN_BEFORE_END_MINUTES = 5;

export interface CallTimes {
	opensAt: Date;
	startsAt: Date;
	/** Until when the official waits for the citizen; then "No asistió" is possible. */
	waitUntil: Date;
	warnAt: Date;
	endsAt: Date;
}

export function callTimes(appointment: { start: Date; end: Date }): CallTimes {
	const rule = outcomeTimes(appointment.start);
	return {
		opensAt: rule.attended,
		startsAt: appointment.start,
		waitUntil: rule.no_show,
		warnAt: new Date(appointment.end.getTime() - WARN_BEFORE_END_MINUTES * 60_000),
		endsAt: appointment.end
	};
}

/** Statuses under which the room can be used: attended is recorded while the call goes on. */
const LIVE = new Set(['booked', 'attended']);

export function phaseOf(
	appointment: { start: Date; end: Date; status: string; holdExpiresAt?: Date | null },
	room: { endedAt: Date | null } | undefined,
	now: Date
): { phase: Phase; reason?: EndReason } {
	const times = callTimes(appointment);
	if (appointment.status === 'reschedule_needed') return { phase: 'ended', reason: 'rescheduled' };
	// A hold nobody confirmed through the emailed link gives no call (a bot's made-up bookings
	// never reach an official); one whose time ran out is closed, as the worker will mark it.
	if (appointment.status === 'held') {
		const waiting = !appointment.holdExpiresAt || now < appointment.holdExpiresAt;
		return { phase: 'ended', reason: waiting ? 'unconfirmed' : 'closed' };
	}
	if (!LIVE.has(appointment.status)) return { phase: 'ended', reason: 'closed' };
	if (room?.endedAt) return { phase: 'ended', reason: 'hangup' };
	if (now >= times.endsAt) return { phase: 'ended', reason: 'time' };
	if (now < times.opensAt) return { phase: 'before' };
	return { phase: now >= times.warnAt ? 'closing' : 'open' };
}

export function timesView(times: CallTimes): Record<keyof CallTimes, string> {
	return {
		opensAt: formatInstant(times.opensAt),
		startsAt: formatInstant(times.startsAt),
		waitUntil: formatInstant(times.waitUntil),
		warnAt: formatInstant(times.warnAt),
		endsAt: formatInstant(times.endsAt)
	};
}
