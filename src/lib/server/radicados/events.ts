import { entityCalendar } from '$lib/content/non-working-days';
import { and, eq, lt } from 'drizzle-orm';
import { z } from 'zod';
import { localDate, type LocalDate } from '$lib/domain/calendar';
import { isOpen, STAFF_EVENT_KINDS } from '$lib/domain/petitions';
import {
	checkExtension,
	completionDeadline,
	completionRequestLate,
	forwardingLate,
	resumedDueDate,
	type RunningBand
} from '$lib/domain/terms';
import { audit } from '../audit';
import { clock } from '../clock';
import type { Database } from '../db';
import { radicadoEvents, radicados as table } from '../db/schema';
import { DomainError } from '../errors';
import type { Transaction } from '../idempotency';
import { tellCitizen } from './emails';
import { lockedByNumber } from './progress';
import { bandColumns, standingOf, type Radicado } from './standing';

export { STAFF_EVENT_KINDS };

export type NewEvent =
	| { kind: 'en_tramite' }
	| { kind: 'trasladada'; forwardedTo: string }
	| { kind: 'ampliacion_de_plazo'; reason: string; newDueDate: LocalDate }
	| { kind: 'solicitud_de_completar'; reason: string }
	| { kind: 'completada' };

/** Said back with a recorded event the law frowns on but allows: the official is told, it is audited. */
export type EventWarning = 'forwarding_late' | 'completion_request_late';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const optional = (max: number) =>
	z
		.string()
		.trim()
		.max(max, { error: 'desk:errors.tooLong' })
		.optional()
		.transform((value) => value || undefined);

/**
 * A status event as the API and the form send it (flat, so one schema serves both). What each
 * kind needs is checked after; the result is the service's NewEvent.
 */
export const eventSchema = z
	.object({
		kind: z.enum(STAFF_EVENT_KINDS, { error: 'desk:errors.kind' }),
		forwardedTo: optional(200),
		reason: optional(1000),
		newDueDate: optional(10)
	})
	.superRefine((input, ctx) => {
		const issue = (path: string, message: string) =>
			ctx.addIssue({ code: 'custom', path: [path], message });
		if (input.kind === 'trasladada' && (!input.forwardedTo || input.forwardedTo.length < 3)) {
			issue('forwardedTo', 'desk:errors.forwardedTo');
		}
		if (input.kind === 'ampliacion_de_plazo') {
			if (!input.reason || input.reason.length < 10) issue('reason', 'desk:errors.reason');
			if (!input.newDueDate || !ISO_DATE.test(input.newDueDate)) {
				issue('newDueDate', 'desk:errors.newDueDate');
			}
		}
		if (input.kind === 'solicitud_de_completar' && (!input.reason || input.reason.length < 10)) {
			issue('reason', 'desk:errors.missing');
		}
	})
	.transform((input): NewEvent => {
		switch (input.kind) {
			case 'trasladada':
				return { kind: 'trasladada', forwardedTo: input.forwardedTo! };
			case 'ampliacion_de_plazo':
				return {
					kind: 'ampliacion_de_plazo',
					reason: input.reason!,
					newDueDate: input.newDueDate!
				};
			case 'solicitud_de_completar':
				return { kind: 'solicitud_de_completar', reason: input.reason! };
			case 'completada':
				return { kind: 'completada' };
			default:
				return { kind: 'en_tramite' };
		}
	});

/** Why an event cannot be recorded in the petition's state (the code EVENT_NOT_ALLOWED). */
function refuse(reason: 'closed' | 'paused' | 'not_paused'): never {
	throw new DomainError('EVENT_NOT_ALLOWED', { fields: [{ path: 'kind', message: reason }] });
}

/** The columns that change with the event, and what the citizen is told. */
async function apply(
	tx: Transaction,
	row: Radicado,
	event: NewEvent,
	now: Date
): Promise<{ changes: Partial<Radicado>; warnings: EventWarning[] }> {
	const today = localDate(now);
	if (!isOpen(row.state)) refuse('closed');
	const paused = row.state === 'por_completar';
	switch (event.kind) {
		case 'en_tramite':
			if (paused) refuse('paused');
			return { changes: { state: 'en_tramite' }, warnings: [] };
		case 'ampliacion_de_plazo': {
			if (paused) refuse('paused');
			const verdict = checkExtension({
				filedAt: row.filedAt,
				termDays: row.termDays,
				pausedDays: row.pausedDays,
				currentDue: row.dueDate,
				proposed: event.newDueDate,
				today,
				off: entityCalendar.termsOff()
			});
			if (verdict !== 'ok') {
				throw new DomainError('EXTENSION_INVALID', {
					fields: [{ path: 'newDueDate', message: verdict }]
				});
			}
			const moved = { ...row, dueDate: event.newDueDate };
			await tellCitizen(tx, row, {
				kind: 'extended',
				reason: event.reason,
				dueDate: event.newDueDate
			});
			return { changes: { dueDate: event.newDueDate, ...bandColumns(moved) }, warnings: [] };
		}
		case 'trasladada':
			await tellCitizen(tx, row, { kind: 'forwarded', entity: event.forwardedTo, date: today });
			return {
				changes: { state: 'trasladada', pausedAt: null, bandAtPause: null },
				warnings: forwardingLate(row.filedAt, now, entityCalendar.termsOff())
					? ['forwarding_late']
					: []
			};
		case 'solicitud_de_completar': {
			if (paused) refuse('paused');
			const { band } = standingOf(row, [], now);
			await tellCitizen(tx, row, {
				kind: 'completion',
				reason: event.reason,
				deadline: completionDeadline(now)
			});
			return {
				changes: { state: 'por_completar', pausedAt: now, bandAtPause: band as RunningBand },
				warnings: completionRequestLate(row.filedAt, now, entityCalendar.termsOff())
					? ['completion_request_late']
					: []
			};
		}
		case 'completada': {
			if (!paused || !row.pausedAt) refuse('not_paused');
			const resumed = resumedDueDate(row.dueDate, row.pausedAt, now, entityCalendar.termsOff());
			const after = {
				filedAt: row.filedAt,
				dueDate: resumed.dueDate,
				pausedDays: row.pausedDays + resumed.pausedDays
			};
			return {
				changes: {
					state: 'en_tramite',
					pausedAt: null,
					bandAtPause: null,
					dueDate: after.dueDate,
					pausedDays: after.pausedDays,
					...bandColumns(after)
				},
				warnings: []
			};
		}
	}
}

/**
 * A legal event from the staff side (Ley 1755 de 2015; Ley 1437 de 2011), audited in the same
 * transaction, the citizen told by email when it concerns them: an extension before the due date
 * with its reason (at most twice the term); a forwarding to the competent entity (a warning after
 * 5 business days); a request to complete that pauses the term, and its completion, which resumes
 * it. Answers the petition's number as stored and any warning.
 */
export async function addEvent(
	db: Database,
	typed: string,
	event: NewEvent,
	actor: string
): Promise<{ number: string; warnings: EventWarning[] }> {
	return db.transaction(async (tx) => {
		const row = await lockedByNumber(tx, typed);
		const now = clock.now();
		const { changes, warnings } = await apply(tx, row, event, now);
		await tx.update(table).set(changes).where(eq(table.id, row.id));
		await tx.insert(radicadoEvents).values({
			radicadoId: row.id,
			kind: event.kind,
			at: now,
			actor,
			forwardedTo: event.kind === 'trasladada' ? event.forwardedTo : null,
			reason:
				event.kind === 'ampliacion_de_plazo' || event.kind === 'solicitud_de_completar'
					? event.reason
					: null,
			newDueDate: event.kind === 'ampliacion_de_plazo' ? event.newDueDate : null
		});
		await audit(tx, {
			actor,
			action: `radicado.${event.kind}`,
			subject: row.number,
			data: { ...event, ...(changes.dueDate ? { dueDate: changes.dueDate } : {}), warnings }
		});
		return { number: row.number, warnings };
	});
}

/**
 * Closes as withdrawn (desistimiento, art. 17) every petition whose petitioner did not complete it
 * within the month: the citizen is told, the closing audited as the worker's. Rows are claimed with
 * SKIP LOCKED, so several instances close each once.
 */
export async function closeWithdrawn(db: Database): Promise<number> {
	const now = clock.now();
	const today = localDate(now);
	// No month is shorter than 28 days: younger pauses cannot be due.
	const asked = new Date(now.getTime() - 28 * 24 * 3600_000);
	return db.transaction(async (tx) => {
		const paused = await tx
			.select()
			.from(table)
			.where(and(eq(table.state, 'por_completar'), lt(table.pausedAt, asked)))
			.orderBy(table.pausedAt)
			.limit(100)
			.for('update', { skipLocked: true });
		const due = paused.filter((row) => row.pausedAt && completionDeadline(row.pausedAt) < today);
		for (const row of due) {
			await tx
				.update(table)
				.set({ state: 'desistida', bandAtPause: null })
				.where(eq(table.id, row.id));
			await tx
				.insert(radicadoEvents)
				.values({ radicadoId: row.id, kind: 'desistida', at: now, actor: 'worker' });
			await audit(tx, {
				actor: 'worker',
				action: 'radicado.desistida',
				subject: row.number,
				data: { askedAt: localDate(row.pausedAt!), deadline: completionDeadline(row.pausedAt!) }
			});
			await tellCitizen(tx, row, { kind: 'withdrawn', asked: localDate(row.pausedAt!) });
		}
		return due.length;
	});
}
