import { entityCalendar } from '$lib/content/non-working-days';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { entity } from '$lib/config/entity';
import { addBusinessDays, localDate } from '$lib/domain/calendar';
import { isOpen } from '$lib/domain/petitions';
import { audit } from '../audit';
import { clock } from '../clock';
import { sign, verify } from '../crypto';
import type { Database } from '../db';
import { answerTemplates, radicadoEvents, radicadoResponses, radicados } from '../db/schema';
import { DomainError } from '../errors';
import { attachmentsDir, discard, store, type Upload } from './attachments';
import { fileType } from './file-types';
import { tellCitizen } from './emails';
import { nextResponseNumber } from './numbering';
import { byNumber, lockedByNumber } from './progress';

/** A signed answer document is larger than a citizen's photo: 10 MB. */
export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;

/** How long a document link from a look-up works: long enough to click it, no longer. */
export const DOCUMENT_LINK_MINUTES = 10;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** An answer as the console form and the API (multipart) send it. */
export const answerSchema = z.object({
	text: z
		.string({ error: 'desk:errors.answerText' })
		.trim()
		.min(20, { error: 'desk:errors.answerText' })
		.max(20_000, { error: 'desk:errors.tooLong' }),
	responseNumber: z
		.string()
		.trim()
		.max(40, { error: 'desk:errors.responseNumber' })
		.optional()
		.transform((value) => value || undefined)
		.refine((value) => value === undefined || /^[\w/-]{3,40}$/.test(value), {
			error: 'desk:errors.responseNumber'
		}),
	responseDate: z
		.string()
		.trim()
		.optional()
		.transform((value) => value || undefined)
		.refine((value) => value === undefined || ISO_DATE.test(value), {
			error: 'desk:errors.responseDate'
		}),
	template: z
		.string()
		.trim()
		.max(60)
		.optional()
		.transform((value) => value || undefined)
});
export interface AnswerInput {
	text: string;
	/** The entity's own number for the outgoing document; the next "2-YYYY-NNNNNN" otherwise. */
	responseNumber?: string;
	/** Today when not given. */
	responseDate?: string;
	/** The answer template it started from. */
	template?: string;
}

/** The document must be a PDF by its content, whatever its name says. */
export function checkDocument(document: Upload | undefined): string | undefined {
	if (!document) return undefined;
	if (document.bytes.byteLength === 0) return 'desk:errors.document.empty';
	if (document.bytes.byteLength > MAX_DOCUMENT_BYTES) return 'desk:errors.document.tooBig';
	if (fileType(document.bytes) !== 'application/pdf') return 'desk:errors.document.notPdf';
	return undefined;
}

const invalid = (path: string, message: string) =>
	new DomainError('VALIDATION_FAILED', { fields: [{ path, message }] });

/**
 * Answers a petition: the text, the signed PDF or an edited answer template, a response number (the
 * entity's own, or the next "2-YYYY-NNNNNN") and date. The petition becomes respondida; the
 * citizen is emailed (never the code); an answer to an anonymous petition goes on the public
 * notices page for 5 business days. Another answer may follow (a complement). Audited.
 */
export async function answer(
	db: Database,
	typed: string,
	input: AnswerInput,
	document: Upload | undefined,
	actor: string
): Promise<{ number: string; responseNumber: string; responseId: string }> {
	const problem = checkDocument(document);
	if (problem) throw invalid('document', problem);
	const [file] = document ? await store([document]) : [];
	try {
		return await db.transaction(async (tx) => {
			const row = await lockedByNumber(tx, typed);
			if (!isOpen(row.state) && row.state !== 'respondida') {
				throw new DomainError('EVENT_NOT_ALLOWED', {
					fields: [{ path: 'text', message: 'closed' }]
				});
			}
			const now = clock.now();
			const today = localDate(now);
			const date = input.responseDate ?? today;
			if (date > today || date < localDate(row.filedAt)) {
				throw invalid('responseDate', 'desk:errors.responseDate');
			}
			if (input.template) {
				const [template] = await tx
					.select({ id: answerTemplates.id })
					.from(answerTemplates)
					.where(and(eq(answerTemplates.id, input.template), eq(answerTemplates.active, true)));
				if (!template) throw invalid('template', 'desk:errors.template');
			}
			const responseNumber =
				input.responseNumber ?? (await nextResponseNumber(tx, Number(today.slice(0, 4))));
			const [response] = await tx
				.insert(radicadoResponses)
				.values({
					radicadoId: row.id,
					number: responseNumber,
					date,
					text: input.text,
					templateId: input.template ?? null,
					documentId: file?.id ?? null,
					documentName: file ? `respuesta-${responseNumber.replace(/\//g, '-')}.pdf` : null,
					documentSize: file?.size ?? null,
					documentSha256: file?.sha256 ?? null,
					publishedUntil:
						row.identity === 'anonymous'
							? addBusinessDays(today, entity.petitions.noticeDays, entityCalendar.termsOff())
							: null,
					actor,
					at: now
				})
				.returning({ id: radicadoResponses.id });
			await tx
				.update(radicados)
				.set({ state: 'respondida', pausedAt: null, bandAtPause: null })
				.where(eq(radicados.id, row.id));
			await tx.insert(radicadoEvents).values({
				radicadoId: row.id,
				kind: 'respondida',
				at: now,
				actor,
				responseNumber,
				responseDate: date
			});
			await audit(tx, {
				actor,
				action: 'radicado.respondida',
				subject: row.number,
				data: {
					responseNumber,
					responseDate: date,
					template: input.template ?? null,
					document: file ? { sha256: file.sha256, size: file.size } : null
				}
			});
			await tellCitizen(tx, row, { kind: 'answered', responseNumber, responseDate: date });
			return { number: row.number, responseNumber, responseId: response!.id };
		});
	} catch (error) {
		if (file) await discard([file]);
		throw error;
	}
}

interface DocumentGrant {
	p: 'response-document';
	n: string;
	r: string;
	/** Expiry, milliseconds since the epoch (the app's clock). */
	e: number;
}

/**
 * The download link of an answer's document, minted by a look-up that proved the security code:
 * it names that petition and that answer and stops working after a few minutes, so a link found
 * later (history, a forwarded message) opens nothing.
 */
export function documentUrl(number: string, responseId: string): string {
	const grant: DocumentGrant = {
		p: 'response-document',
		n: number,
		r: responseId,
		e: clock.now().getTime() + DOCUMENT_LINK_MINUTES * 60_000
	};
	const token = encodeURIComponent(sign(grant));
	return `/api/v1/radicados/${number}/responses/${responseId}/document?token=${token}`;
}

export interface Download {
	filename: string;
	contentType: string;
	bytes: Uint8Array;
}

async function documentOf(
	db: Database,
	number: string,
	responseId: string
): Promise<Download & { row: typeof radicadoResponses.$inferSelect; number: string }> {
	const petition = await byNumber(db, number);
	const [row] = z.uuid().safeParse(responseId).success
		? await db
				.select()
				.from(radicadoResponses)
				.where(
					and(eq(radicadoResponses.id, responseId), eq(radicadoResponses.radicadoId, petition.id))
				)
		: [];
	if (!row?.documentId) throw new DomainError('NOT_FOUND');
	const bytes = await readFile(resolve(attachmentsDir(), row.documentId));
	return {
		row,
		number: petition.number,
		filename: row.documentName ?? 'respuesta.pdf',
		contentType: 'application/pdf',
		bytes: new Uint8Array(bytes)
	};
}

/** The document a look-up's link names, while the link is valid; NOT_FOUND otherwise. */
export async function citizenDocument(
	db: Database,
	number: string,
	responseId: string,
	token: string | null
): Promise<Download> {
	const grant = verify<DocumentGrant>(token ?? undefined);
	if (
		!grant ||
		grant.p !== 'response-document' ||
		grant.n !== number ||
		grant.r !== responseId ||
		typeof grant.e !== 'number' ||
		grant.e < clock.now().getTime()
	) {
		throw new DomainError('NOT_FOUND');
	}
	const { filename, contentType, bytes } = await documentOf(db, number, responseId);
	return { filename, contentType, bytes };
}

/** An answer's document for an official; audited. */
export async function staffDocument(
	db: Database,
	number: string,
	responseId: string,
	actor: string
): Promise<Download> {
	const found = await documentOf(db, number, responseId);
	const { row, filename, contentType, bytes } = found;
	await audit(db, {
		actor,
		action: 'radicado.response_document_opened',
		subject: found.number,
		data: { response: row.number }
	});
	return { filename, contentType, bytes };
}
