import { asc, eq } from 'drizzle-orm';
import { formatInstant } from '$lib/domain/calendar';
import { normaliseRadicado } from '$lib/domain/radicado-number';
import {
	band,
	elapsedBusinessDays,
	latestExtendedDueDate,
	termUntil,
	type PetitionType
} from '$lib/domain/terms';
import { clock } from '../clock';
import type { Database } from '../db';
import { radicadoEvents, radicados as table } from '../db/schema';
import { DomainError } from '../errors';

export type Radicado = typeof table.$inferSelect;

/** A petition's events in order and where it stands against its term (an answer stops the count). */
export async function progress(db: Database, row: Radicado) {
	const events = await db
		.select()
		.from(radicadoEvents)
		.where(eq(radicadoEvents.radicadoId, row.id))
		.orderBy(asc(radicadoEvents.at), asc(radicadoEvents.id));
	const answered = events.findLast((e) => e.kind === 'respondida');
	const termDays = termUntil(row.filedAt, row.dueDate);
	const elapsed = elapsedBusinessDays(row.filedAt, answered ? answered.at : clock.now());
	return {
		events,
		termDays,
		elapsedBusinessDays: elapsed,
		band: band(elapsed, termDays, row.state === 'respondida')
	};
}

/** The petition a typed number names, however it was typed; NOT_FOUND otherwise. */
export async function byNumber(db: Database, typed: string): Promise<Radicado> {
	const number = normaliseRadicado(typed);
	if (!number) throw new DomainError('NOT_FOUND');
	const [row] = await db.select().from(table).where(eq(table.number, number));
	if (!row) throw new DomainError('NOT_FOUND');
	return row;
}

/** A petition as the staff console shows it: the public status plus the petitioner's contact. */
export async function forStaff(db: Database, typed: string) {
	const row = await byNumber(db, typed);
	const { events, termDays, elapsedBusinessDays, band } = await progress(db, row);
	return {
		number: row.number,
		type: row.type as PetitionType,
		subject: row.subject,
		description: row.description,
		identity: row.identity,
		petitioner: row.identity === 'anonymous' ? null : (row.petitioner ?? null),
		contactPreference: row.contactPreference,
		state: row.state,
		filedAt: formatInstant(row.filedAt),
		termDays,
		elapsedBusinessDays,
		dueDate: row.dueDate,
		/** The latest due date an extension may set: twice the legal term. */
		latestDueDate: latestExtendedDueDate(row.filedAt, row.termDays),
		band,
		events: events.map((e) => ({
			kind: e.kind,
			at: formatInstant(e.at),
			actor: e.actor,
			responseNumber: e.responseNumber,
			responseDate: e.responseDate,
			forwardedTo: e.forwardedTo,
			reason: e.reason,
			newDueDate: e.newDueDate
		}))
	};
}
export type StaffPetition = Awaited<ReturnType<typeof forStaff>>;
