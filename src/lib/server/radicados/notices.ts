import { and, desc, eq, gte } from 'drizzle-orm';
import { localDate, type LocalDate } from '$lib/domain/calendar';
import type { PetitionType } from '$lib/domain/terms';
import { clock } from '../clock';
import type { Database } from '../db';
import { radicadoResponses, radicados } from '../db/schema';

/** An answer to an anonymous petition as the public notices page shows it: no personal data. */
export interface Notice {
	number: string;
	type: PetitionType;
	responseNumber: string;
	responseDate: LocalDate;
	text: string;
	/** The last day it stays published. */
	until: LocalDate;
}

/**
 * The answers to anonymous petitions published today (notificación por aviso): each for 5
 * business days from its answer, by radicado number, with the answer's text and nothing of the
 * petition itself (its subject and description may name people).
 */
export async function notices(db: Database): Promise<Notice[]> {
	const today = localDate(clock.now());
	const rows = await db
		.select({
			number: radicados.number,
			type: radicados.type,
			responseNumber: radicadoResponses.number,
			responseDate: radicadoResponses.date,
			text: radicadoResponses.text,
			until: radicadoResponses.publishedUntil
		})
		.from(radicadoResponses)
		.innerJoin(radicados, eq(radicados.id, radicadoResponses.radicadoId))
		.where(and(gte(radicadoResponses.publishedUntil, today), eq(radicados.identity, 'anonymous')))
		.orderBy(desc(radicadoResponses.at));
	return rows.map((row) => ({ ...row, type: row.type as PetitionType, until: row.until! }));
}
