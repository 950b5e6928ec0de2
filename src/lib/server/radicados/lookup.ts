import { eq } from 'drizzle-orm';
import { formatInstant, localDate, type LocalDate } from '$lib/domain/calendar';
import { normaliseRadicado } from '$lib/domain/radicado-number';
import { normaliseSecurityCode } from '$lib/domain/security-code';
import type { Band, PetitionType } from '$lib/domain/terms';
import type { Database } from '../db';
import { radicadoEvents, radicados as table } from '../db/schema';
import { DomainError } from '../errors';
import { rateLimit, type Limit } from '../rate-limit';
import { verifyCode } from './codes';
import { progress, type Radicado } from './progress';
import type { LookupInput } from './schema';

/** Failed look-ups allowed before refusing with LOOKUP_LIMITED: per number, and per client address. */
export const LOOKUP_LIMITS: { number: Limit; client: Limit } = {
	number: { max: 5, windowSeconds: 15 * 60 },
	client: { max: 30, windowSeconds: 60 * 60 }
};

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

/**
 * The public status of a petition. Any mismatch is the same NOT_FOUND; failures count against the
 * number and the client address, and the limits are checked before the code is.
 */
export async function lookup(db: Database, input: LookupInput, client: string): Promise<Status> {
	const number = normaliseRadicado(input.number);
	const numberBucket = `lookup:number:${number ?? input.number.trim().toUpperCase().slice(0, 40)}`;
	const clientBucket = `lookup:client:${client}`;
	// Every attempt counts before the code is compared, and only misses keep their count: a
	// burst of parallel guesses (on any instance) cannot all pass a check made before counting.
	const hits = await Promise.all([
		rateLimit.hit(db, numberBucket, LOOKUP_LIMITS.number),
		rateLimit.hit(db, clientBucket, LOOKUP_LIMITS.client)
	]);
	const refund = () => Promise.all(hits.map((hit) => rateLimit.refund(db, hit)));
	const denied = hits.filter((v) => !v.allowed);
	if (denied.length > 0) {
		await refund();
		const retryAfter = Math.max(...denied.map((v) => v.retryAfter));
		throw new DomainError('LOOKUP_LIMITED', {
			values: { minutes: Math.ceil(retryAfter / 60) },
			retryAfter,
			extra: { retryAfter }
		});
	}
	// A malformed number still costs a query, so its answer takes as long as any other miss.
	const [row] = await db
		.select()
		.from(table)
		.where(eq(table.number, number ?? ''));
	const code = normaliseSecurityCode(input.securityCode);
	if (!verifyCode(number ?? '', code, row?.codeHash) || !row) {
		throw new DomainError('NOT_FOUND');
	}
	await refund();
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
