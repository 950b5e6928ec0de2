import { entityCalendar } from '$lib/content/non-working-days';
import { asc, desc, eq } from 'drizzle-orm';
import { entity } from '$lib/config/entity';
import { formatInstant, localDate } from '$lib/domain/calendar';
import { isOpen } from '$lib/domain/petitions';
import { normaliseRadicado } from '$lib/domain/radicado-number';
import {
	completionDeadline,
	forwardingLate,
	latestExtendedDueDate,
	type PetitionType
} from '$lib/domain/terms';
import { clock } from '../clock';
import type { Database } from '../db';
import {
	auditLog,
	radicadoAttachments,
	radicadoEvents,
	radicadoResponses,
	radicados as table
} from '../db/schema';
import { DomainError } from '../errors';
import type { Transaction } from '../idempotency';
import { standingOf, type Radicado } from './standing';

export type { Radicado };
export type EventRow = typeof radicadoEvents.$inferSelect;
export type ResponseRow = typeof radicadoResponses.$inferSelect;

/** A petition's events in order. */
export async function eventsOf(db: Database | Transaction, id: string): Promise<EventRow[]> {
	return db
		.select()
		.from(radicadoEvents)
		.where(eq(radicadoEvents.radicadoId, id))
		.orderBy(asc(radicadoEvents.at), asc(radicadoEvents.id));
}

/** A petition's answers, oldest first. */
export async function responsesOf(db: Database | Transaction, id: string): Promise<ResponseRow[]> {
	return db
		.select()
		.from(radicadoResponses)
		.where(eq(radicadoResponses.radicadoId, id))
		.orderBy(asc(radicadoResponses.at));
}

/** A petition's events in order and where it stands against its term (see standing.ts). */
export async function progress(db: Database, row: Radicado) {
	const events = await eventsOf(db, row.id);
	const { termDays, elapsed, band } = standingOf(row, events, clock.now());
	return { events, termDays, elapsedBusinessDays: elapsed, band };
}

/** The pause under way (art. 17): since when, what is missing, and the last day to complete it. */
export function pauseOf(row: Radicado, events: EventRow[]) {
	if (row.state !== 'por_completar' || !row.pausedAt) return null;
	const asked = events.findLast((e) => e.kind === 'solicitud_de_completar');
	return {
		since: formatInstant(row.pausedAt),
		reason: asked?.reason ?? '',
		deadline: completionDeadline(row.pausedAt)
	};
}

/** The competent entity a forwarded petition went to, and when. */
export function forwardingOf(events: EventRow[]) {
	const forwarded = events.find((e) => e.kind === 'trasladada');
	return forwarded ? { to: forwarded.forwardedTo ?? '', at: formatInstant(forwarded.at) } : null;
}

/** The petition a typed number names, however it was typed; NOT_FOUND otherwise. */
export async function byNumber(db: Database | Transaction, typed: string): Promise<Radicado> {
	const number = normaliseRadicado(typed);
	if (!number) throw new DomainError('NOT_FOUND');
	const [row] = await db.select().from(table).where(eq(table.number, number));
	if (!row) throw new DomainError('NOT_FOUND');
	return row;
}

/** The same petition, locked until the transaction ends: for any change to it. */
export async function lockedByNumber(tx: Transaction, typed: string): Promise<Radicado> {
	const [row] = await tx
		.select()
		.from(table)
		.where(eq(table.number, normaliseRadicado(typed) ?? ''))
		.for('update');
	if (!row) throw new DomainError('NOT_FOUND');
	return row;
}

/** A dependency of the entity profile by its id, with its name. */
export function dependencyOf(id: string | null) {
	const found = entity.dependencies.find((d) => d.id === id);
	return found ? { id: found.id, name: found.name } : null;
}

/**
 * A petition as the staff console shows it. The petitioner's contact only when the petition was
 * filed with their name: a reserved identity is opened on purpose (identity.ts), never here.
 */
export async function forStaff(db: Database, typed: string) {
	const row = await byNumber(db, typed);
	const { events, termDays, elapsedBusinessDays, band } = await progress(db, row);
	const [responses, attachments, trail] = await Promise.all([
		responsesOf(db, row.id),
		db
			.select()
			.from(radicadoAttachments)
			.where(eq(radicadoAttachments.radicadoId, row.id))
			.orderBy(asc(radicadoAttachments.createdAt), asc(radicadoAttachments.filename)),
		db
			.select({ actor: auditLog.actor, action: auditLog.action, at: auditLog.at })
			.from(auditLog)
			.where(eq(auditLog.subject, row.number))
			.orderBy(desc(auditLog.at), desc(auditLog.id))
			.limit(50)
	]);
	const now = clock.now();
	return {
		number: row.number,
		type: row.type as PetitionType,
		subject: row.subject,
		description: row.description,
		municipality: row.municipality,
		identity: row.identity,
		petitioner: row.identity === 'identified' ? (row.petitioner ?? {}) : null,
		contactPreference: row.contactPreference,
		channel: row.channel,
		state: row.state,
		open: isOpen(row.state),
		filedAt: formatInstant(row.filedAt),
		termDays,
		elapsedBusinessDays,
		dueDate: row.dueDate,
		/** The latest due date an extension may set: twice the legal term. */
		latestDueDate: latestExtendedDueDate(
			row.filedAt,
			row.termDays,
			row.pausedDays,
			entityCalendar.termsOff()
		),
		band,
		dependency: dependencyOf(row.dependency),
		assignee: row.assignee,
		pause: pauseOf(row, events),
		forwarded: forwardingOf(events),
		/** Forwarding now would come after the 5 business days of the law: allowed, with a warning. */
		forwardingLate: forwardingLate(row.filedAt, now, entityCalendar.termsOff()),
		today: localDate(now),
		events: events.map((e) => ({
			kind: e.kind,
			at: formatInstant(e.at),
			actor: e.actor,
			responseNumber: e.responseNumber,
			responseDate: e.responseDate,
			forwardedTo: e.forwardedTo,
			reason: e.reason,
			newDueDate: e.newDueDate
		})),
		responses: responses.map((r) => ({
			id: r.id,
			number: r.number,
			date: r.date,
			text: r.text,
			template: r.templateId,
			actor: r.actor,
			document: r.documentId ? { name: r.documentName ?? '', size: r.documentSize ?? 0 } : null,
			publishedUntil: r.publishedUntil
		})),
		attachments: attachments.map((a) => ({
			id: a.id,
			filename: a.filename,
			contentType: a.contentType,
			size: a.size
		})),
		trail: trail.map((entry) => ({ ...entry, at: formatInstant(entry.at) }))
	};
}
export type StaffPetition = Awaited<ReturnType<typeof forStaff>>;
