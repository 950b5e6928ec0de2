/**
 * Petitions (PQRSD) and their radicado numbers: the one owner of every change to a petition.
 * Pages, the API and the staff console call these verbs; each use case lives in its own file.
 */
import { addEvent } from './events';
import { file, terms } from './filing';
import { lookup } from './lookup';
import { forStaff, progress } from './progress';

export { eventSchema, STAFF_EVENT_KINDS, type NewEvent } from './events';
export type { Filed, FileOptions } from './filing';
export { type EventKind, type PublicEvent, type Status } from './lookup';
export type { StaffPetition } from './progress';
export { filingSchema, lookupSchema } from './schema';

export const radicados = {
	// filing.ts: a number, a code shown once, the due date and the receipt
	terms,
	file,
	// lookup.ts: the citizen's rate-limited look-up
	lookup,
	// progress.ts: where a petition stands, for the look-up and the console
	progress,
	forStaff,
	// events.ts: what the officials record
	addEvent
};
