import { eq } from 'drizzle-orm';
import { formatInstant, localDate, type LocalDate } from '$lib/domain/calendar';
import { dateInWords } from '$lib/domain/dates-in-words';
import { generateSecurityCode } from '$lib/domain/security-code';
import { dueDate as computeDueDate, type PetitionType } from '$lib/domain/terms';
import type { PetitionChannel } from '$lib/domain/petitions';
import type { Locale } from '$lib/i18n/locales';
import { audit } from '../audit';
import { clock } from '../clock';
import { config } from '../config';
import { seal, unseal } from '../crypto';
import type { Database } from '../db';
import {
	legalTerms,
	radicadoAttachments,
	radicadoEvents,
	radicados as table,
	type Petitioner
} from '../db/schema';
import { composeEmail } from '../email/compose';
import { enqueue } from '../email/outbox';
import { DomainError } from '../errors';
import { once } from '../idempotency';
import { nonWorkingDays } from '../non-working-days';
import { checkUploads, discard, store, type Upload } from './attachments';
import { hashCode } from './codes';
import { announceFiling } from './emails';
import { nextNumber } from './numbering';
import type { FilingInput } from './schema';
import { bandColumns } from './standing';

export interface Filed {
	number: string;
	/** Shown once; never stored readable, never emailed. */
	securityCode: string;
	filedAt: string;
	dueDate: LocalDate;
	type: PetitionType;
	termDays: number;
	/**
	 * Whether the receipt was emailed: not without an address, nor when the address had its day's
	 * few unconfirmed emails already (entity.limits.unconfirmedEmailsPerRecipient).
	 */
	receiptEmailed: boolean;
}

export interface FileOptions {
	lang: Locale;
	idempotencyKey?: string | null;
	attachments?: Upload[];
	/** How it arrived: the web form by default; an official files the other channels. */
	channel?: PetitionChannel;
	/** The official who filed it for the citizen (audited); the citizen otherwise. */
	actor?: string;
}

/** The legal term of each petition type, as the entity publishes it. */
export async function terms(db: Database): Promise<Partial<Record<PetitionType, number>>> {
	const rows = await db.select().from(legalTerms);
	return Object.fromEntries(rows.map((r) => [r.petitionType, r.businessDays]));
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

/** The receipt by email: the number, the term and the look-up link, never the code. */
function receipt(filed: Filed, to: string, lang: Locale) {
	return composeEmail({ kind: 'radicado.filed', to, locale: lang }, (t) => {
		const values = {
			number: filed.number,
			type: t(`pqrsd:types.${filed.type}.name`),
			due: dateInWords(filed.dueDate),
			term: filed.termDays,
			link: `${config.origin}/${lang}/radicado?numero=${filed.number}`
		};
		return { subject: t('pqrsd:email.subject', values), lines: [t('pqrsd:email.text', values)] };
	});
}

/**
 * Files a petition: a gap-free number, a security code shown once, the due date from the
 * legal term, and a receipt by email when an address was given (without the code).
 */
export async function file(db: Database, input: FilingInput, options: FileOptions): Promise<Filed> {
	const uploads = options.attachments ?? [];
	const uploadError = checkUploads(uploads);
	if (uploadError) {
		throw new DomainError('VALIDATION_FAILED', {
			fields: [{ path: 'attachments', message: uploadError }]
		});
	}
	const files = await store(uploads);
	try {
		const channel = options.channel ?? 'web';
		const actor = options.actor ?? 'citizen';
		const { result, replayed } = await once(
			db,
			options.actor ? 'staff-radicados' : 'radicados',
			options.idempotencyKey ?? null,
			{ input, channel, files: files.map((f) => f.sha256) },
			async (tx) => {
				const [term] = await tx
					.select({ days: legalTerms.businessDays })
					.from(legalTerms)
					.where(eq(legalTerms.petitionType, input.type));
				// The seed puts every type's term in place; a missing one is a setup error.
				if (!term) throw new Error(`No legal term for ${input.type}`);
				const now = clock.now();
				const year = Number(localDate(now).slice(0, 4));
				const { number, sequence } = await nextNumber(tx, year);
				const securityCode = generateSecurityCode();
				// Read holding the calendar's lock shared: see nonWorkingDays.termsOffFor.
				const off = await nonWorkingDays.termsOffFor(tx);
				const due = computeDueDate(now, term.days, off);
				const petitioner = petitionerOf(input);
				const [row] = await tx
					.insert(table)
					.values({
						channel,
						...bandColumns({ filedAt: now, dueDate: due, pausedDays: 0 }, off),
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
					.returning();
				await tx
					.insert(radicadoEvents)
					.values({ radicadoId: row!.id, kind: 'radicada', at: now, actor });
				if (options.actor) {
					await audit(tx, {
						actor: options.actor,
						action: 'radicado.filed_for_citizen',
						subject: number,
						data: { channel, attachments: files.length }
					});
				}
				await announceFiling(tx, row!);
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
					termDays: term.days,
					receiptEmailed: false
				};
				if (petitioner?.email) {
					const message = await receipt(filed, petitioner.email, options.lang);
					filed.receiptEmailed = await enqueue(tx, message, { unconfirmed: true });
				}
				// Kept for replays of the same key: the code only sealed, never readable.
				return { ...filed, securityCode: seal('radicado-code', securityCode) };
			}
		);
		if (replayed) await discard(files);
		return { ...result, securityCode: unseal('radicado-code', result.securityCode) };
	} catch (error) {
		await discard(files);
		throw error;
	}
}
