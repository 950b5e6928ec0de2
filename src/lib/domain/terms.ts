import { addBusinessDays, businessDaysBetween, localDate, type LocalDate } from './calendar';

/**
 * Legal response terms (Ley 1755 de 2015, art. 14): business days counted from the day after
 * filing, weekends and Colombian holidays excluded. The terms themselves are data (legal_terms).
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

export const BANDS = ['baja', 'media', 'alta', 'critica', 'respondida'] as const;
export type Band = (typeof BANDS)[number];

/** The last business day to answer a petition filed at `filedAt` with a term of `termDays`. */
export function dueDate(filedAt: Date, termDays: number): LocalDate {
	return addBusinessDays(localDate(filedAt), termDays);
}

/** Business days that have passed since filing, counting the day of `now` once it has begun. */
export function elapsedBusinessDays(filedAt: Date, now: Date): number {
	return businessDaysBetween(localDate(filedAt), localDate(now));
}

/** The term in business days between filing and a due date (after an extension, the new term). */
export function termUntil(filedAt: Date, due: LocalDate): number {
	return businessDaysBetween(localDate(filedAt), due);
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

/** The latest due date an extension may set: the term can at most double (Ley 1755, art. 14). */
export function latestExtendedDueDate(filedAt: Date, termDays: number): LocalDate {
	return dueDate(filedAt, termDays * 2);
}

export type ExtensionCheck = 'ok' | 'not_later' | 'too_late' | 'not_business_day';

/** Whether an extension to `proposed` is allowed for a petition currently due on `currentDue`. */
export function checkExtension(
	filedAt: Date,
	termDays: number,
	currentDue: LocalDate,
	proposed: LocalDate
): ExtensionCheck {
	if (proposed <= currentDue) return 'not_later';
	if (proposed > latestExtendedDueDate(filedAt, termDays)) return 'too_late';
	if (addBusinessDays(localDate(filedAt), termUntil(filedAt, proposed)) !== proposed) {
		return 'not_business_day';
	}
	return 'ok';
}
