import { eq } from 'drizzle-orm';
import { formatInstant, localDate, type LocalDate } from '$lib/domain/calendar';
import { normaliseRadicado } from '$lib/domain/radicado-number';
import { normaliseSecurityCode } from '$lib/domain/security-code';
import type { Band, PetitionType } from '$lib/domain/terms';
import type { Database } from '../db';
import { radicadoEvents, radicados as table } from '../db/schema';
import { DomainError } from '../errors';
import { entity } from '$lib/config/entity';
import { clientOf, guess } from '../rate-limit';
import { verifyCode } from './codes';
import { progress, type Radicado } from './progress';
import type { LookupInput } from './schema';

export type EventKind = (typeof radicadoEvents.$inferSelect)['kind'];

export interface PublicEvent {
	kind: EventKind;
	at: string;
	responseNumber?: string;
	responseDate?: string;
	newDueDate?: string;
	reason?: string;
	forwardedTo?: string;
}

/** What a citizen sees in the look-up: never the petitioner's personal data. */
export interface Status {
	number: string;
	type: PetitionType;
	filedAt: string;
	subject: string;
	municipality: string | null;
	state: Radicado['state'];
	termDays: number;
	elapsedBusinessDays: number;
	dueDate: LocalDate;
	band: Band;
	events: PublicEvent[];
	responses: { number: string; date: string }[];
}

function publicEvent(row: typeof radicadoEvents.$inferSelect): PublicEvent {
	return {
		kind: row.kind,
		at: formatInstant(row.at),
		...(row.responseNumber ? { responseNumber: row.responseNumber } : {}),
		...(row.responseDate ? { responseDate: row.responseDate } : {}),
		...(row.newDueDate ? { newDueDate: row.newDueDate } : {}),
		...(row.reason ? { reason: row.reason } : {}),
		...(row.forwardedTo ? { forwardedTo: row.forwardedTo } : {})
	};
}

function limited(retryAfter: number): DomainError {
	return new DomainError('LOOKUP_LIMITED', {
		values: { minutes: Math.ceil(retryAfter / 60) },
		retryAfter,
		extra: { retryAfter }
	});
}

/**
 * The public status of a petition. Any mismatch is the same NOT_FOUND, which says how many tries
 * this client has left before a pause (`remaining`). Every try counts before the code is compared
 * (entity.limits.lookup): per client address, per client and number, and per number. A client over
 * its limits is refused unchecked, but the right code from a client that is not itself limited is
 * always accepted, so guessing at a number cannot lock its owner out.
 */
export async function lookup(db: Database, input: LookupInput, client: string): Promise<Status> {
	const number = normaliseRadicado(input.number);
	const attempt = await guess(db, entity.limits.lookup, {
		client: `lookup:client:${clientOf(client)}`,
		target: `lookup:number:${number ?? input.number.trim().toUpperCase().slice(0, 40)}`
	});
	if (attempt.limited) throw limited(attempt.retryAfter);
	// A malformed number still costs a query, so its answer takes as long as any other miss.
	const [row] = await db
		.select()
		.from(table)
		.where(eq(table.number, number ?? ''));
	const code = normaliseSecurityCode(input.securityCode);
	if (!verifyCode(number ?? '', code, row?.codeHash) || !row) {
		const { remaining, retryAfter } = attempt.failed();
		if (retryAfter !== undefined) throw limited(retryAfter);
		throw new DomainError('NOT_FOUND', { values: { count: remaining }, extra: { remaining } });
	}
	await attempt.succeeded();
	const { events, termDays, elapsedBusinessDays, band } = await progress(db, row);
	return {
		number: row.number,
		type: row.type as PetitionType,
		filedAt: formatInstant(row.filedAt),
		subject: row.subject,
		municipality: row.municipality,
		state: row.state,
		termDays,
		elapsedBusinessDays,
		dueDate: row.dueDate,
		band,
		events: events.map(publicEvent),
		responses: events
			.filter((e) => e.kind === 'respondida' && e.responseNumber)
			.map((e) => ({ number: e.responseNumber!, date: e.responseDate ?? localDate(e.at) }))
	};
}
