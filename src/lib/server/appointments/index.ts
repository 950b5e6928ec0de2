/**
 * Video appointments: the one owner of every change to an appointment. Pages, the API, the staff
 * console and the worker call these verbs; each use case lives in its own file.
 */
import { agenda, expiredOn, openPerson, recordOutcome } from './attendance';
import { book, checkLimit } from './booking';
import { calendarFile } from './calendar';
import { anonymise, closeStale, remind } from './housekeeping';
import { byConfirmToken, confirm, expireHolds } from './holds';
import {
	byReference,
	cancel,
	cancellable,
	changeable,
	open,
	openByDocument,
	reschedule
} from './manage';
import { view } from './model';
import { freeDays, slots } from './slots';

export { OUTCOMES, type AgendaItem, type OpenedVia, type Outcome, type Person } from './attendance';
export { confirmUrl, manageUrl } from './emails';
export type { BookOptions } from './booking';
export { rules, type Appointment, type Booked, type Slot, type SlotDay } from './model';

export const appointments = {
	// slots.ts: what can be booked
	slots,
	freeDays,
	// booking.ts
	checkLimit,
	book,
	// holds.ts: a booking with an email waits for the emailed link
	confirm,
	byConfirmToken,
	expireHolds,
	// manage.ts: the citizen's own changes
	open,
	openByDocument,
	byReference,
	changeable,
	cancellable,
	reschedule,
	cancel,
	view,
	calendar: calendarFile,
	// attendance.ts: the officials' agenda and outcomes
	agenda,
	expiredOn,
	openPerson,
	recordOutcome,
	// housekeeping.ts: the worker's rounds
	remind,
	anonymise,
	closeStale
};
