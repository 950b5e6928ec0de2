import {
	addBusinessDays,
	addMonths,
	businessDaysBetween,
	localDate,
	NO_DAYS_OFF,
	type DaysOff,
	type LocalDate
} from './calendar';
import { RUNNING_BANDS, type RunningBand } from './petitions';

/**
 * Legal response terms (Ley 1755 de 2015, art. 14): business days counted from the day after
 * filing, weekends, Colombian holidays and the entity's days off (its closures and declared
 * suspensions of terms, passed in as `off`) excluded. The terms themselves are data (legal_terms).
 */
export const PETITION_TYPES = [
	'peticion',
	'queja',
	'reclamo',
	'sugerencia',
	'denuncia',
	'consulta',
	'informacion'
] as const;
export type PetitionType = (typeof PETITION_TYPES)[number];

export { RUNNING_BANDS, type RunningBand };

/**
 * A running band, or how the petition ended: answered, forwarded to the competent entity (the
 * term goes on there) or withdrawn (desistimiento). A closed petition's band no longer changes.
 */
export const BANDS = [...RUNNING_BANDS, 'respondida', 'trasladada', 'desistida'] as const;
export type Band = (typeof BANDS)[number];
export type ClosedBand = Exclude<Band, RunningBand>;

/** Business days after filing within which a petition outside the entity's competence is forwarded. */
export const FORWARDING_DAYS = 5;
/** Business days after filing within which the entity asks the petitioner to complete a petition. */
export const COMPLETION_REQUEST_DAYS = 10;

/** The last business day to answer a petition filed at `filedAt` with a term of `termDays`. */
export function dueDate(filedAt: Date, termDays: number, off: DaysOff = NO_DAYS_OFF): LocalDate {
	return addBusinessDays(localDate(filedAt), termDays, off);
}

/**
 * The due date once the entity's days off changed from `before` to `after`: the same number of
 * business days from filing (term, extension and paused days alike), counted on the new calendar.
 * A closure or suspension inside the term moves it one business day later; removing one, earlier.
 */
export function movedDueDate(
	filedAt: Date,
	due: LocalDate,
	before: DaysOff,
	after: DaysOff
): LocalDate {
	return addBusinessDays(localDate(filedAt), termUntil(filedAt, due, before), after);
}

/** Business days that have passed since filing, counting the day of `now` once it has begun. */
export function elapsedBusinessDays(filedAt: Date, now: Date, off: DaysOff = NO_DAYS_OFF): number {
	return businessDaysBetween(localDate(filedAt), localDate(now), off);
}

/** The term in business days between filing and a due date (after an extension, the new term). */
export function termUntil(filedAt: Date, due: LocalDate, off: DaysOff = NO_DAYS_OFF): number {
	return businessDaysBetween(localDate(filedAt), due, off);
}

/**
 * The traffic-light band, scaled to any term: elapsed ≤ ⅓ baja; ≤ ⅔ media; < term alta;
 * ≥ term critica. An answered petition is respondida whatever the time.
 */
export function band(elapsed: number, termDays: number, answered = false): Band {
	if (answered) return 'respondida';
	// Integer comparisons avoid rounding errors with thirds.
	if (elapsed * 3 <= termDays) return 'baja';
	if (elapsed * 3 <= termDays * 2) return 'media';
	if (elapsed < termDays) return 'alta';
	return 'critica';
}

/**
 * The latest due date an extension may set: the term can at most double (Ley 1755, art. 14). Days
 * the term stood paused (art. 17) do not count against it.
 */
export function latestExtendedDueDate(
	filedAt: Date,
	termDays: number,
	pausedDays = 0,
	off: DaysOff = NO_DAYS_OFF
): LocalDate {
	return dueDate(filedAt, termDays * 2 + pausedDays, off);
}

export type ExtensionCheck = 'ok' | 'after_due' | 'not_later' | 'too_late' | 'not_business_day';

/**
 * Whether an extension to `proposed` is allowed for a petition currently due on `currentDue`: it
 * must be decided before the term runs out (the due date itself still counts), move the due date
 * to a later business day, and keep the whole term within twice the legal one.
 */
export function checkExtension(petition: {
	filedAt: Date;
	termDays: number;
	pausedDays?: number;
	currentDue: LocalDate;
	proposed: LocalDate;
	today: LocalDate;
	off?: DaysOff;
}): ExtensionCheck {
	const { filedAt, termDays, pausedDays = 0, currentDue, proposed, today } = petition;
	const off = petition.off ?? NO_DAYS_OFF;
	if (today > currentDue) return 'after_due';
	if (proposed <= currentDue) return 'not_later';
	if (proposed > latestExtendedDueDate(filedAt, termDays, pausedDays, off)) return 'too_late';
	if (addBusinessDays(localDate(filedAt), termUntil(filedAt, proposed, off), off) !== proposed) {
		return 'not_business_day';
	}
	return 'ok';
}

/** The clock of one petition: what the band and the day count are computed from. */
export interface PetitionClock {
	filedAt: Date;
	/** The current due date: moved by extensions and by finished pauses. */
	dueDate: LocalDate;
	/** Business days of the pauses that have ended (art. 17, the petitioner completing it). */
	pausedDays: number;
	/** The start of the pause under way, if any: the count stands still from then. */
	pausedAt: Date | null;
	/** How and when the petition ended, if it has. */
	closed?: { band: ClosedBand; at: Date } | null;
}

export interface Standing {
	/** The term in business days, after any extension, without the paused days. */
	termDays: number;
	/** Business days used of it: the paused days do not count. */
	elapsed: number;
	band: Band;
}

/** Where a petition stands at `now`: the count stops at a pause and at the end. */
export function standing(petition: PetitionClock, now: Date, off: DaysOff = NO_DAYS_OFF): Standing {
	const termDays = termUntil(petition.filedAt, petition.dueDate, off) - petition.pausedDays;
	const until = petition.closed?.at ?? petition.pausedAt ?? now;
	const elapsed = Math.max(
		0,
		elapsedBusinessDays(petition.filedAt, until, off) - petition.pausedDays
	);
	return {
		termDays,
		elapsed,
		band: petition.closed ? petition.closed.band : band(elapsed, termDays)
	};
}

/**
 * The first days of the `media` and `alta` bands (`critica` starts on the due date), so a database
 * can tell the band of thousands of petitions by comparing dates, with no calendar of its own.
 * Equal to `standing` on every day while the petition runs (tested).
 */
export function bandDates(
	filedAt: Date,
	due: LocalDate,
	pausedDays: number,
	off: DaysOff = NO_DAYS_OFF
): { mediaFrom: LocalDate; altaFrom: LocalDate } {
	const term = termUntil(filedAt, due, off) - pausedDays;
	const filed = localDate(filedAt);
	return {
		mediaFrom: addBusinessDays(filed, Math.floor(term / 3) + 1 + pausedDays, off),
		altaFrom: addBusinessDays(filed, Math.floor((2 * term) / 3) + 1 + pausedDays, off)
	};
}

/** The running band on `today` from the dates of `bandDates`, as the queue's SQL tells it. */
export function bandOn(
	today: LocalDate,
	dates: { mediaFrom: LocalDate; altaFrom: LocalDate; dueDate: LocalDate }
): RunningBand {
	if (dates.dueDate <= today) return 'critica';
	if (dates.altaFrom <= today) return 'alta';
	if (dates.mediaFrom <= today) return 'media';
	return 'baja';
}

/**
 * The due date once a pause that began at `pausedAt` ends at `now`: later by the business days the
 * term stood still (the day of the request counts as worked; the term starts again the day after
 * the petitioner answers, art. 17).
 */
export function resumedDueDate(
	due: LocalDate,
	pausedAt: Date,
	now: Date,
	off: DaysOff = NO_DAYS_OFF
): { dueDate: LocalDate; pausedDays: number } {
	const days = businessDaysBetween(localDate(pausedAt), localDate(now), off);
	return { dueDate: addBusinessDays(due, days, off), pausedDays: days };
}

/**
 * The last day a petitioner has to complete a petition asked on `requestedAt`: one month (art. 17).
 * After it, the petition is closed as withdrawn.
 */
export function completionDeadline(requestedAt: Date): LocalDate {
	return addMonths(localDate(requestedAt), 1);
}

/** Whether a forwarding on `now` comes after the 5 business days the law gives (Ley 1755, art. 21). */
export function forwardingLate(filedAt: Date, now: Date, off: DaysOff = NO_DAYS_OFF): boolean {
	return elapsedBusinessDays(filedAt, now, off) > FORWARDING_DAYS;
}

/** Whether a request to complete on `now` comes after the 10 days art. 17 gives. */
export function completionRequestLate(
	filedAt: Date,
	now: Date,
	off: DaysOff = NO_DAYS_OFF
): boolean {
	return elapsedBusinessDays(filedAt, now, off) > COMPLETION_REQUEST_DAYS;
}
