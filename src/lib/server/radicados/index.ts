import { asc, eq, sql } from 'drizzle-orm';
import { formatInstant, localDate, type LocalDate } from '$lib/domain/calendar';
import { formatRadicado, normaliseRadicado } from '$lib/domain/radicado-number';
import { generateSecurityCode, normaliseSecurityCode } from '$lib/domain/security-code';
import {
	band,
	checkExtension,
	dueDate as computeDueDate,
	elapsedBusinessDays,
	termUntil,
	type Band,
	type PetitionType
} from '$lib/domain/terms';
import { dateInWords } from '$lib/domain/dates-in-words';
import type { Locale } from '$lib/i18n/locales';
import { translator } from '$lib/i18n/translator';
import { clock } from '../clock';
import { config } from '../config';
import type { Database } from '../db';
import {
	auditLog,
	legalTerms,
	radicadoAttachments,
	radicadoEvents,
	radicadoSequences,
	radicados as radicadosTable,
	type Petitioner
} from '../db/schema';
import { enqueue } from '../email/outbox';
import { DomainError } from '../errors';
import { once, type Transaction } from '../idempotency';
import { rateLimit, type Limit } from '../rate-limit';
import { checkUploads, discard, store, type Upload } from './attachments';
import { hashCode, seal, unseal, verifyCode } from './codes';
import type { FilingInput, LookupInput } from './schema';

export { filingSchema, lookupSchema } from './schema';

/** Failed look-ups allowed before answering 429: per number, and per client address. */
/**
 * Texts of this module's problem codes, in the radicado namespace: radicado:problems.LOOKUP_LIMITED
 * and radicado:problems.EXTENSION_INVALID.
 */
export const LOOKUP_LIMITS: { number: Limit; client: Limit } = {
	number: { max: 5, windowSeconds: 15 * 60 },
	client: { max: 30, windowSeconds: 60 * 60 }
};

export interface Filed {
	number: string;
	/** Shown once; never stored readable, never emailed. */
	securityCode: string;
	filedAt: string;
	dueDate: LocalDate;
	type: PetitionType;
	termDays: number;
}

export interface FileOptions {
	lang: Locale;
	/** The public address, for the receipt link. */
	origin: string;
	idempotencyKey?: string | null;
	attachments?: Upload[];
}

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
	state: (typeof radicadosTable.$inferSelect)['state'];
	termDays: number;
	elapsedBusinessDays: number;
	dueDate: LocalDate;
	band: Band;
	events: PublicEvent[];
	responses: { number: string; date: string }[];
}

const given = (value: string | undefined) => (value && value.length > 0 ? value : undefined);

function petitionerOf(input: FilingInput): Petitioner | null {
	if (input.identity === 'anonymous') return null;
	const petitioner: Petitioner = {
		name: given(input.name),
		document: given(input.document),
		email: given(input.email),
		phone: given(input.phone),
		address: given(input.address)
	};
	return Object.fromEntries(Object.entries(petitioner).filter(([, v]) => v)) as Petitioner;
}

async function nextNumber(tx: Transaction, year: number): Promise<{ sequence: number }> {
	// The row lock taken here is held until commit, so concurrent filings queue; a rollback
	// undoes the increment too: no gaps, no repeats.
	const [row] = await tx
		.insert(radicadoSequences)
		.values({ year, last: 1 })
		.onConflictDoUpdate({
			target: radicadoSequences.year,
			set: { last: sql`${radicadoSequences.last} + 1` }
		})
		.returning({ last: radicadoSequences.last });
	return { sequence: row!.last };
}

async function receipt(tx: Transaction, filed: Filed, to: string, options: FileOptions) {
	const { t } = await translator(options.lang);
	const values = {
		number: filed.number,
		type: t(`pqrsd:types.${filed.type}.name`),
		due: dateInWords(filed.dueDate),
		term: filed.termDays,
		link: `${options.origin}/${options.lang}/radicado?numero=${filed.number}`
	};
	await enqueue(tx, {
		kind: 'radicado.filed',
		to,
		subject: t('pqrsd:email.subject', values),
		text: t('pqrsd:email.text', values)
	});
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

export type NewEvent =
	| { kind: 'en_tramite' }
	| { kind: 'respondida'; responseNumber: string; responseDate: LocalDate }
	| { kind: 'trasladada'; forwardedTo: string }
	| { kind: 'ampliacion_de_plazo'; reason: string; newDueDate: LocalDate };

export const radicados = {
	/** The legal term of each petition type, as the entity publishes it. */
	async terms(db: Database): Promise<Partial<Record<PetitionType, number>>> {
		const rows = await db.select().from(legalTerms);
		return Object.fromEntries(rows.map((r) => [r.petitionType, r.businessDays]));
	},

	/**
	 * Files a petition: a gap-free number, a security code shown once, the due date from the
	 * legal term, and a receipt by email when an address was given (without the code).
	 */
	async file(db: Database, input: FilingInput, options: FileOptions): Promise<Filed> {
		const uploads = options.attachments ?? [];
		const uploadError = checkUploads(uploads);
		if (uploadError) {
			throw new DomainError('VALIDATION_FAILED', {
				fields: [{ path: 'attachments', message: uploadError }]
			});
		}
		const files = await store(uploads);
		try {
			const { result, replayed } = await once(
				db,
				'radicados',
				options.idempotencyKey ?? null,
				{ input, files: files.map((f) => f.sha256) },
				async (tx) => {
					const [term] = await tx
						.select({ days: legalTerms.businessDays })
						.from(legalTerms)
						.where(eq(legalTerms.petitionType, input.type));
					// The seed puts every type's term in place; a missing one is a setup error.
					if (!term) throw new Error(`No legal term for ${input.type}`);
					const now = clock.now();
					const year = Number(localDate(now).slice(0, 4));
					const { sequence } = await nextNumber(tx, year);
					const number = formatRadicado({ year, sequence });
					const securityCode = generateSecurityCode();
					const due = computeDueDate(now, term.days);
					const petitioner = petitionerOf(input);
					const [row] = await tx
						.insert(radicadosTable)
						.values({
							number,
							year,
							sequence,
							type: input.type,
							subject: input.subject,
							description: input.description,
							municipality: given(input.municipality) ?? null,
							identity: input.identity,
							petitioner,
							contactPreference: input.contactPreference,
							consentAt: petitioner ? now : null,
							lang: options.lang,
							codeHash: hashCode(number, securityCode),
							filedAt: now,
							termDays: term.days,
							dueDate: due
						})
						.returning({ id: radicadosTable.id });
					await tx
						.insert(radicadoEvents)
						.values({ radicadoId: row!.id, kind: 'radicada', at: now, actor: 'citizen' });
					if (files.length > 0) {
						await tx.insert(radicadoAttachments).values(
							files.map((f) => ({
								id: f.id,
								radicadoId: row!.id,
								filename: f.filename,
								contentType: f.contentType,
								size: f.size,
								sha256: f.sha256
							}))
						);
					}
					const filed: Filed = {
						number,
						securityCode,
						filedAt: formatInstant(now),
						dueDate: due,
						type: input.type,
						termDays: term.days
					};
					if (petitioner?.email) await receipt(tx, filed, petitioner.email, options);
					return { ...filed, securityCode: seal(securityCode) };
				}
			);
			if (replayed) await discard(files);
			return { ...result, securityCode: unseal(result.securityCode) };
		} catch (error) {
			await discard(files);
			throw error;
		}
	},

	/**
	 * The public status of a petition. Any mismatch is the same 404; failures count against the
	 * number and the client address, and the limits are checked before the code is.
	 */
	async lookup(db: Database, input: LookupInput, client: string): Promise<Status> {
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
			.from(radicadosTable)
			.where(eq(radicadosTable.number, number ?? ''));
		const code = normaliseSecurityCode(input.securityCode);
		if (!verifyCode(number ?? '', code, row?.codeHash) || !row) {
			throw new DomainError('NOT_FOUND');
		}
		await refund();
		const { events, termDays, elapsedBusinessDays, band } = await radicados.progress(db, row);
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
	},

	/** A petition's events in order and where it stands against its term (an answer stops the count). */
	async progress(db: Database, row: typeof radicadosTable.$inferSelect) {
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
	},

	/** A status event from the staff side; an extension moves the due date (at most double). */
	async addEvent(db: Database, number: string, event: NewEvent, actor: string): Promise<void> {
		await db.transaction(async (tx) => {
			const [row] = await tx
				.select()
				.from(radicadosTable)
				.where(eq(radicadosTable.number, number))
				.for('update');
			if (!row) throw new DomainError('NOT_FOUND');
			const now = clock.now();
			if (event.kind === 'ampliacion_de_plazo') {
				const verdict = checkExtension(row.filedAt, row.termDays, row.dueDate, event.newDueDate);
				if (verdict !== 'ok') {
					throw new DomainError('EXTENSION_INVALID', {
						fields: [{ path: 'newDueDate', message: verdict }]
					});
				}
				await tx
					.update(radicadosTable)
					.set({ dueDate: event.newDueDate })
					.where(eq(radicadosTable.id, row.id));
			} else {
				await tx
					.update(radicadosTable)
					.set({ state: event.kind })
					.where(eq(radicadosTable.id, row.id));
			}
			await tx.insert(radicadoEvents).values({
				radicadoId: row.id,
				kind: event.kind,
				at: now,
				actor,
				responseNumber: event.kind === 'respondida' ? event.responseNumber : null,
				responseDate: event.kind === 'respondida' ? event.responseDate : null,
				forwardedTo: event.kind === 'trasladada' ? event.forwardedTo : null,
				reason: event.kind === 'ampliacion_de_plazo' ? event.reason : null,
				newDueDate: event.kind === 'ampliacion_de_plazo' ? event.newDueDate : null
			});
			await tx.insert(auditLog).values({
				actor,
				action: `radicado.${event.kind}`,
				subject: number,
				data: { ...event }
			});
		});
	}
};

/** The public origin for links in emails. */
export function publicOrigin(fallback: string): string {
	return config.origin ?? fallback;
}
