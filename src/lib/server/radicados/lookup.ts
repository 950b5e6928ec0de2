import { sql } from 'drizzle-orm';
import { formatInstant, localDate, type LocalDate } from '$lib/domain/calendar';
import type { EventKind, PetitionState } from '$lib/domain/petitions';
import { normaliseRadicado } from '$lib/domain/radicado-number';
import { normaliseSecurityCode } from '$lib/domain/security-code';
import type { Band, PetitionType } from '$lib/domain/terms';
import type { Database } from '../db';
import { rowsOf, fromJson } from '../db/call';
import { radicadoEvents, radicadoResponses, radicados as table } from '../db/schema';
import { DomainError } from '../errors';
import { entity } from '$lib/config/entity';
import { clock } from '../clock';
import { clientOf, guessing } from '../rate-limit';
import { documentUrl } from './answers';
import { hashCode, verifyCode } from './codes';
import { forwardingOf, pauseOf, type EventRow } from './progress';
import { standingOf } from './standing';
import type { LookupInput } from './schema';

export type { EventKind };

/** What vt_lookup answers: the guess's hits, and the petition's rows as JSON. */
interface Found {
	hits: number[];
	/** False for a right code: its hits were read, not counted (so there is nothing to give back). */
	counted: boolean;
	row: Record<string, unknown> | null;
	events?: Record<string, unknown>[];
	responses?: Record<string, unknown>[];
}

export interface PublicEvent {
	kind: EventKind;
	at: string;
	responseNumber?: string;
	responseDate?: string;
	newDueDate?: string;
	reason?: string;
	forwardedTo?: string;
}

/** An answer as the citizen sees it: the text, and the document for this look-up only. */
export interface PublicResponse {
	/** The answer's id; the survey after the answer names it. Absent for answers recorded before texts. */
	id?: string;
	number: string;
	date: string;
	text?: string;
	/** Valid for a few minutes, for this look-up only; served as a download. */
	documentUrl?: string;
	documentName?: string;
	documentSize?: number;
}

/** What a citizen sees in the look-up: never the petitioner's personal data. */
export interface Status {
	number: string;
	type: PetitionType;
	filedAt: string;
	subject: string;
	municipality: string | null;
	state: PetitionState;
	termDays: number;
	elapsedBusinessDays: number;
	dueDate: LocalDate;
	band: Band;
	/** The term stands still: the entity asked to complete the petition (art. 17). */
	pause: { since: string; reason: string; deadline: LocalDate } | null;
	/** Sent to the competent entity (art. 21). */
	forwarded: { to: string; at: string } | null;
	events: PublicEvent[];
	responses: PublicResponse[];
}

function publicEvent(row: EventRow): PublicEvent {
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
	const code = normaliseSecurityCode(input.securityCode);
	const { args, judge } = guessing(entity.limits.lookup, {
		client: `lookup:client:${clientOf(client)}`,
		target: `lookup:number:${number ?? input.number.trim().toUpperCase().slice(0, 40)}`
	});
	// One statement counts the try and reads the petition (vt_lookup, with its events and answers
	// when the code's keyed hash matches, and then only reads what the count would answer, since a
	// right code's hits are always given back). A malformed number still costs the same statement,
	// so its answer takes as long as any other miss.
	const hashed = hashCode(number ?? '', code);
	const [{ found } = { found: undefined }] = await rowsOf<{ found: Found }>(
		db,
		sql`select vt_lookup(${args}, ${number ?? ''}, ${hashed}, ${entity.limits.lookup.underAttackFromClient}) as found`
	);
	const attempt = await judge(db, found!.hits, found!.counted);
	if (attempt.limited) throw limited(attempt.retryAfter);
	const row = found!.row ? fromJson(table, found!.row) : undefined;
	if (!verifyCode(hashed, row?.codeHash) || !row) {
		const { remaining, retryAfter } = attempt.failed();
		if (retryAfter !== undefined) throw limited(retryAfter);
		throw new DomainError('NOT_FOUND', { values: { count: remaining }, extra: { remaining } });
	}
	const events = (found!.events ?? []).map((event) => fromJson(radicadoEvents, event));
	const answers = (found!.responses ?? []).map((answer) => fromJson(radicadoResponses, answer));
	const { termDays, elapsed: elapsedBusinessDays, band } = standingOf(row, events, clock.now());
	const written: PublicResponse[] = answers.map((r) => ({
		id: r.id,
		number: r.number,
		date: r.date,
		text: r.text,
		...(r.documentId
			? {
					documentUrl: documentUrl(row.number, r.id),
					documentName: r.documentName ?? '',
					documentSize: r.documentSize ?? 0
				}
			: {})
	}));
	// Answers recorded before they carried a text: their number and date only.
	const earlier = events
		.filter(
			(e) =>
				e.kind === 'respondida' &&
				e.responseNumber &&
				!answers.some((r) => r.number === e.responseNumber)
		)
		.map((e) => ({ number: e.responseNumber!, date: e.responseDate ?? localDate(e.at) }));
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
		pause: pauseOf(row, events),
		forwarded: forwardingOf(events),
		events: events.map(publicEvent),
		responses: [...earlier, ...written]
	};
}
