import { entityCalendar } from '$lib/content/non-working-days';
import { and, asc, eq, lt, ne } from 'drizzle-orm';
import { z } from 'zod';
import { entity } from '$lib/config/entity';
import { formatInstant, instantAt } from '$lib/domain/calendar';
import { callbackDays, callbackWindows, windowIsOpen } from '$lib/domain/callback-windows';
import { dateInWords } from '$lib/domain/dates-in-words';
import { formatClock } from '$lib/domain/office-hours';
import { phoneSchema } from '$lib/domain/phone';
import { clock } from '../clock';
import type { Database } from '../db';
import { audit } from '../audit';
import { callbacks as table } from '../db/schema';
import { DomainError } from '../errors';
import { once } from '../idempotency';

export const CALLBACK_TOPICS = [
	'subsidio-glp',
	'conversion-gnv',
	'estado-radicado',
	'informacion-general',
	'otro'
] as const;

/** Version of the data-treatment text the person accepted; change it when the policy changes. */
export const POLICY_VERSION = '2026-01';

/**
 * What a call-back request needs. The offered days depend on the moment of the request, so the
 * schema asks for "now" each time it checks a day (the app's clock unless a test gives one).
 */
export function callbackSchema(now: () => Date = () => clock.now()) {
	const days = () => callbackDays(entity.officeHours, now(), 5, entityCalendar.closed());
	const windows = callbackWindows(entity.officeHours).map((w) => `${w.start}-${w.end}`);
	return z
		.object({
			name: z
				.string({ error: 'callbacks:errors.name' })
				.trim()
				.min(2, { error: 'callbacks:errors.name' })
				.max(120, { error: 'callbacks:errors.nameLong' }),
			phone: phoneSchema,
			language: z.enum(['es', 'guc'], { error: 'callbacks:errors.language' }),
			topic: z.enum(CALLBACK_TOPICS, { error: 'callbacks:errors.topic' }),
			details: z
				.string()
				.trim()
				.max(500, { error: 'callbacks:errors.detailsLong' })
				.optional()
				.transform((value) => value || undefined),
			day: z.string({ error: 'callbacks:errors.day' }).refine((day) => days().includes(day), {
				error: 'callbacks:errors.day'
			}),
			window: z.string({ error: 'callbacks:errors.window' }).refine((w) => windows.includes(w), {
				error: 'callbacks:errors.window'
			}),
			consent: z.union([z.literal(true), z.literal('yes')], { error: 'callbacks:errors.consent' })
		})
		.superRefine((input, ctx) => {
			const [start = '', end = ''] = input.window.split('-');
			if (days().includes(input.day) && !windowIsOpen(input.day, { start, end }, now())) {
				ctx.addIssue({ code: 'custom', path: ['window'], message: 'callbacks:errors.windowPast' });
			}
		});
}

/** Unanswered attempts after which a request leaves the queue as unreachable. */
export const MAX_CALL_ATTEMPTS = 3;

export type CallbackInput = z.output<ReturnType<typeof callbackSchema>>;

export interface CallbackReceipt {
	id: string;
	name: string;
	phone: string;
	language: 'es' | 'guc';
	topic: string;
	day: string;
	window: { start: string; end: string };
}

/** What the person who asked sees of their request. */
export function callbackReceipt(row: typeof table.$inferSelect): CallbackReceipt {
	return {
		id: row.id,
		name: row.name,
		phone: row.phone,
		language: row.language,
		topic: row.topic,
		day: row.windowDate,
		window: { start: row.windowStart, end: row.windowEnd }
	};
}

export const callbacks = {
	/** Records a call-back request once per idempotency key (a resent form is not a second request). */
	async request(db: Database, input: CallbackInput, key: string | null): Promise<CallbackReceipt> {
		const [start = '', end = ''] = input.window.split('-');
		const { result } = await once(db, 'callbacks', key, input, async (tx) => {
			const [row] = await tx
				.insert(table)
				.values({
					name: input.name,
					phone: input.phone,
					language: input.language,
					topic: input.topic,
					details: input.details,
					windowDate: input.day,
					windowStart: start,
					windowEnd: end,
					consentAt: clock.now(),
					policyVersion: POLICY_VERSION
				})
				.returning();
			return callbackReceipt(row!);
		});
		return result;
	},

	/** The queue for the staff console: pending first, by preferred day and window. */
	async queue(db: Database) {
		return db
			.select()
			.from(table)
			.where(eq(table.status, 'pending'))
			.orderBy(asc(table.windowDate), asc(table.windowStart), asc(table.createdAt));
	},

	/**
	 * One call attempt from the staff console: `called` closes the request; `unreachable` counts an
	 * attempt and closes it after MAX_CALL_ATTEMPTS. The audit row is written in the same transaction.
	 * No attempt counts before the window the person chose (they may not be free to answer yet),
	 * as an appointment's outcome waits for its time.
	 */
	async mark(db: Database, id: string, result: 'called' | 'unreachable', actor: string) {
		return db.transaction(async (tx) => {
			const [row] = await tx.select().from(table).where(eq(table.id, id)).for('update');
			if (!row) throw new DomainError('NOT_FOUND');
			if (row.status !== 'pending') throw new DomainError('CALLBACK_CLOSED');
			const now = clock.now();
			const opens = instantAt(row.windowDate, row.windowStart);
			if (now < opens) {
				throw new DomainError('CALLBACK_TOO_EARLY', {
					values: { day: dateInWords(row.windowDate), time: formatClock(row.windowStart) },
					extra: { availableAt: formatInstant(opens) }
				});
			}
			const attempts = row.attempts + 1;
			const status =
				result === 'called' ? 'called' : attempts >= MAX_CALL_ATTEMPTS ? 'unreachable' : 'pending';
			const [updated] = await tx
				.update(table)
				.set({ status, attempts, calledAt: result === 'called' ? now : row.calledAt })
				.where(eq(table.id, id))
				.returning();
			await audit(tx, {
				actor,
				action: `callback.${result}`,
				subject: id,
				data: { attempts, status }
			});
			return updated!;
		});
	},

	/**
	 * Erases name, phone and details of answered requests older than the retention period
	 * (Ley 1581 de 2012); language, topic, window and outcome stay for the figures. One UPDATE, so
	 * several instances may run it at once.
	 */
	async anonymise(db: Database): Promise<number> {
		const before = new Date(clock.now().getTime() - entity.privacy.retentionDays * 24 * 3600_000);
		const erased = await db
			.update(table)
			.set({ name: '', phone: '', details: null })
			.where(and(lt(table.createdAt, before), ne(table.phone, '')))
			.returning({ id: table.id });
		return erased.length;
	}
};
