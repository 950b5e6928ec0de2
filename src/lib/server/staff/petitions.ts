import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { formatInstant, localDate } from '$lib/domain/calendar';
import { normaliseRadicado } from '$lib/domain/radicado-number';
import { latestExtendedDueDate, type PetitionType } from '$lib/domain/terms';
import { clock } from '../clock';
import type { Database } from '../db';
import { radicados as table } from '../db/schema';
import { DomainError } from '../errors';
import { radicados, type NewEvent } from '../radicados';

export const STAFF_EVENT_KINDS = [
	'en_tramite',
	'respondida',
	'trasladada',
	'ampliacion_de_plazo'
] as const;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const optional = (max: number) =>
	z
		.string()
		.trim()
		.max(max, { error: 'staff:errors.tooLong' })
		.optional()
		.transform((value) => value || undefined);

/**
 * A status event as the API and the form send it (flat, so one schema serves both). What each
 * kind needs is checked after; the result is the service's NewEvent.
 */
export const eventSchema = z
	.object({
		kind: z.enum(STAFF_EVENT_KINDS, { error: 'staff:errors.kind' }),
		responseNumber: optional(40),
		responseDate: optional(10),
		forwardedTo: optional(200),
		reason: optional(1000),
		newDueDate: optional(10)
	})
	.superRefine((input, ctx) => {
		const today = localDate(clock.now());
		if (input.kind === 'respondida') {
			if (!input.responseNumber || !/^[\w/-]{3,40}$/.test(input.responseNumber)) {
				ctx.addIssue({
					code: 'custom',
					path: ['responseNumber'],
					message: 'staff:errors.responseNumber'
				});
			}
			if (
				input.responseDate &&
				(!ISO_DATE.test(input.responseDate) || input.responseDate > today)
			) {
				ctx.addIssue({
					code: 'custom',
					path: ['responseDate'],
					message: 'staff:errors.responseDate'
				});
			}
		}
		if (input.kind === 'trasladada' && !input.forwardedTo) {
			ctx.addIssue({ code: 'custom', path: ['forwardedTo'], message: 'staff:errors.forwardedTo' });
		}
		if (input.kind === 'ampliacion_de_plazo') {
			if (!input.reason || input.reason.length < 10) {
				ctx.addIssue({ code: 'custom', path: ['reason'], message: 'staff:errors.reason' });
			}
			if (!input.newDueDate || !ISO_DATE.test(input.newDueDate)) {
				ctx.addIssue({ code: 'custom', path: ['newDueDate'], message: 'staff:errors.newDueDate' });
			}
		}
	})
	.transform((input): NewEvent => {
		switch (input.kind) {
			case 'respondida':
				return {
					kind: 'respondida',
					responseNumber: input.responseNumber!,
					responseDate: input.responseDate ?? localDate(clock.now())
				};
			case 'trasladada':
				return { kind: 'trasladada', forwardedTo: input.forwardedTo! };
			case 'ampliacion_de_plazo':
				return {
					kind: 'ampliacion_de_plazo',
					reason: input.reason!,
					newDueDate: input.newDueDate!
				};
			default:
				return { kind: 'en_tramite' };
		}
	});

/** A petition as the staff console shows it: the public status plus the petitioner's contact. */
export async function findPetition(db: Database, typed: string) {
	const number = normaliseRadicado(typed);
	if (!number) throw new DomainError('NOT_FOUND');
	const [row] = await db.select().from(table).where(eq(table.number, number));
	if (!row) throw new DomainError('NOT_FOUND');
	const { events, termDays, elapsedBusinessDays, band } = await radicados.progress(db, row);
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
export type StaffPetition = Awaited<ReturnType<typeof findPetition>>;
