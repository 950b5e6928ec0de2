import { and, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import { entityCalendar } from '$lib/content/non-working-days';
import { localDate, type DaysOff, type LocalDate } from '$lib/domain/calendar';
import type { EventKind } from '$lib/domain/petitions';
import { bandDates, standing, type ClosedBand, type PetitionClock } from '$lib/domain/terms';
import { clock } from '../clock';
import type { Database } from '../db';
import { generation } from '../db/generation';
import { radicados as table } from '../db/schema';
import type { Transaction } from '../idempotency';

export type Radicado = typeof table.$inferSelect;

/** The events that end a petition, with the band it keeps from then on. */
const CLOSING: Partial<Record<EventKind, ClosedBand>> = {
	respondida: 'respondida',
	trasladada: 'trasladada',
	desistida: 'desistida'
};

/** A petition's clock from its row and its events (the first closing event ends the count). */
export function clockOf(row: Radicado, events: { kind: EventKind; at: Date }[]): PetitionClock {
	const band = CLOSING[row.state as EventKind];
	const end = events.find((e) => CLOSING[e.kind]);
	return {
		filedAt: row.filedAt,
		dueDate: row.dueDate,
		pausedDays: row.pausedDays,
		pausedAt: row.state === 'por_completar' ? row.pausedAt : null,
		closed: band ? { band, at: end?.at ?? row.filedAt } : null
	};
}

/** Where a petition stands now (see domain/terms.ts `standing`). */
export function standingOf(row: Radicado, events: { kind: EventKind; at: Date }[], now: Date) {
	return standing(clockOf(row, events), now, entityCalendar.termsOff());
}

/**
 * The band columns of a running petition, to write with any change of its due date or pauses,
 * counted with the entity's published days off unless the caller read them itself (`off`).
 */
export function bandColumns(
	row: { filedAt: Date; dueDate: LocalDate; pausedDays: number },
	off: DaysOff = entityCalendar.termsOff()
): {
	mediaFrom: LocalDate;
	altaFrom: LocalDate;
} {
	return bandDates(row.filedAt, row.dueDate, row.pausedDays, off);
}

/**
 * The band of an open petition on `today`, in SQL: a paused one keeps the band it had; otherwise
 * the dates of `bandColumns` say it. Closed petitions are never asked.
 */
export function bandSql(today: LocalDate): SQL<string> {
	return sql<string>`case
		when ${table.state} = 'por_completar' then coalesce(${table.bandAtPause}, 'baja')
		when ${table.dueDate} <= ${today} then 'critica'
		when ${table.altaFrom} <= ${today} then 'alta'
		when ${table.mediaFrom} <= ${today} then 'media'
		else 'baja' end`;
}

/**
 * Fills the band dates of open petitions that lack them: those filed before the desk existed.
 * Run at start-up; cheap when there is nothing to do, and harmless on several instances at once.
 */
export async function fillBandDates(db: Database | Transaction): Promise<number> {
	const missing = await db
		.select()
		.from(table)
		.where(and(inArray(table.state, ['radicada', 'en_tramite']), isNull(table.mediaFrom)));
	for (const row of missing) {
		await db.update(table).set(bandColumns(row)).where(eq(table.id, row.id));
	}
	return missing.length;
}

// The day this instance last vacuumed the petitions (with the database's generation).
let vacuumedFor: string | undefined;

/**
 * Once a day per instance, VACUUM ANALYZE the petitions: the embedded database runs no
 * autovacuum, and the queue counts its bands from the index alone only on pages a vacuum has
 * marked all-visible. Harmless on PostgreSQL, which also does it by itself.
 */
export async function vacuumPetitions(db: Database): Promise<boolean> {
	const round = `${generation.current()}|${localDate(clock.now())}`;
	if (vacuumedFor === round) return false;
	vacuumedFor = round;
	await db.execute(sql`vacuum analyze radicados`);
	return true;
}
