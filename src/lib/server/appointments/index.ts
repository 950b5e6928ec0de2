/**
 * Video appointments: the one owner of every change to an appointment. Pages, the API, the staff
 * console and the worker call these verbs; each use case lives in its own file.
 */
import { agenda, openPerson, recordOutcome } from './attendance';
import { book, checkLimit } from './booking';
import { calendarFile } from './calendar';
import { anonymise, closeStale, remind } from './housekeeping';
import { byReference, cancel, changeable, open, openByDocument, reschedule } from './manage';
import { view } from './model';
import { freeDays, slots } from './slots';

export { OUTCOMES, type AgendaItem, type OpenedVia, type Outcome, type Person } from './attendance';
export { manageUrl } from './emails';
export { rules, type Appointment, type Booked, type Slot, type SlotDay } from './model';

export const appointments = {
	// slots.ts: what can be booked
	slots,
	freeDays,
	// booking.ts
	checkLimit,
	book,
	// manage.ts: the citizen's own changes
	open,
	openByDocument,
	byReference,
	changeable,
	reschedule,
	cancel,
	view,
	calendar: calendarFile,
	// attendance.ts: the officials' agenda and outcomes
	agenda,
	openPerson,
	recordOutcome,
	// housekeeping.ts: the worker's rounds
	remind,
	anonymise,
	closeStale
};
