import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { localDate, type LocalDate } from '$lib/domain/calendar';
import { normaliseRadicado } from '$lib/domain/radicado-number';
import { checkExtension } from '$lib/domain/terms';
import { audit } from '../audit';
import { clock } from '../clock';
import type { Database } from '../db';
import { radicadoEvents, radicados as table } from '../db/schema';
import { DomainError } from '../errors';

export type NewEvent =
	| { kind: 'en_tramite' }
	| { kind: 'respondida'; responseNumber: string; responseDate: LocalDate }
	| { kind: 'trasladada'; forwardedTo: string }
	| { kind: 'ampliacion_de_plazo'; reason: string; newDueDate: LocalDate };

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

/**
 * A status event from the staff side, audited in the same transaction; an extension moves the due
 * date (at most to twice the legal term). Answers the petition's number as stored.
 */
export async function addEvent(
	db: Database,
	typed: string,
	event: NewEvent,
	actor: string
): Promise<string> {
	return db.transaction(async (tx) => {
		const [row] = await tx
			.select()
			.from(table)
			.where(eq(table.number, normaliseRadicado(typed) ?? ''))
			.for('update');
		if (!row) throw new DomainError('NOT_FOUND');
		if (event.kind === 'ampliacion_de_plazo') {
			const verdict = checkExtension(row.filedAt, row.termDays, row.dueDate, event.newDueDate);
			if (verdict !== 'ok') {
				throw new DomainError('EXTENSION_INVALID', {
					fields: [{ path: 'newDueDate', message: verdict }]
				});
			}
			await tx.update(table).set({ dueDate: event.newDueDate }).where(eq(table.id, row.id));
		} else {
			await tx.update(table).set({ state: event.kind }).where(eq(table.id, row.id));
		}
		await tx.insert(radicadoEvents).values({
			radicadoId: row.id,
			kind: event.kind,
			at: clock.now(),
			actor,
			responseNumber: event.kind === 'respondida' ? event.responseNumber : null,
			responseDate: event.kind === 'respondida' ? event.responseDate : null,
			forwardedTo: event.kind === 'trasladada' ? event.forwardedTo : null,
			reason: event.kind === 'ampliacion_de_plazo' ? event.reason : null,
			newDueDate: event.kind === 'ampliacion_de_plazo' ? event.newDueDate : null
		});
		await audit(tx, {
			actor,
			action: `radicado.${event.kind}`,
			subject: row.number,
			data: { ...event }
		});
		return row.number;
	});
}
