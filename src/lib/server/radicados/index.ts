/**
 * Petitions (PQRSD) and their radicado numbers: the one owner of every change to a petition.
 * Pages, the API, the staff console and the worker call these verbs; each use case lives in its
 * own file.
 */
import { openAttachment, revealIdentity } from './access';
import { sendMorningAlerts, pruneAlerts } from './alerts';
import { answer, citizenDocument, staffDocument } from './answers';
import { assign } from './assignment';
import { addEvent, closeWithdrawn } from './events';
import { file, terms } from './filing';
import { lookup } from './lookup';
import { notices } from './notices';
import { forStaff, progress } from './progress';
import { queue } from './queue';
import { fillBandDates, vacuumPetitions } from './standing';
import { templates } from './templates';

export { revealSchema } from './access';
export { ALERT_DUE_WITHIN_DAYS } from './alerts';
export {
	answerSchema,
	checkDocument,
	DOCUMENT_LINK_MINUTES,
	MAX_DOCUMENT_BYTES,
	type AnswerInput,
	type Download
} from './answers';
export { assignmentSchema, type Assignment } from './assignment';
export { eventSchema, STAFF_EVENT_KINDS, type EventWarning, type NewEvent } from './events';
export type { Filed, FileOptions } from './filing';
export { type EventKind, type PublicEvent, type PublicResponse, type Status } from './lookup';
export type { Notice } from './notices';
export type { StaffPetition } from './progress';
export { PAGE_SIZE, queueSchema, type Queue, type QueueFilters, type QueueItem } from './queue';
export { filingSchema, lookupSchema, staffFilingSchema, type StaffFilingInput } from './schema';
export { templateSchema, type AnswerTemplate, type TemplateInput } from './templates';

export const radicados = {
	// filing.ts: a number, a code shown once, the due date and the receipt; the entity is told
	terms,
	file,
	// lookup.ts: the citizen's rate-limited look-up
	lookup,
	// progress.ts: where a petition stands, for the look-up and the console
	progress,
	forStaff,
	// queue.ts: the desk's queue by due date and band
	queue,
	// assignment.ts: a dependency and an official
	assign,
	// events.ts: legal events recorded by officials; withdrawal after a month without an answer
	addEvent,
	closeWithdrawn,
	// answers.ts: the answer, its document for the citizen and for officials
	answer,
	citizenDocument,
	staffDocument,
	// access.ts: a reserved identity and the citizen's files, opened on purpose and audited
	revealIdentity,
	openAttachment,
	// alerts.ts: each business morning, one email per dependency
	sendMorningAlerts,
	pruneAlerts,
	// notices.ts: answers to anonymous petitions, published for 5 business days
	notices,
	// standing.ts: band dates of petitions filed before the desk; the daily vacuum
	fillBandDates,
	vacuumPetitions,
	// templates.ts: first-level answers
	templates
};
