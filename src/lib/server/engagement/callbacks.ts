import { asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { entity } from '$lib/config/entity';
import { callbackDays, callbackWindows, windowIsOpen } from '$lib/domain/callback-windows';
import { normalisePhone } from '$lib/domain/phone';
import { clock } from '../clock';
import type { Database } from '../db';
import { callbacks as table } from '../db/schema';
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

/** What a call-back request needs; the offered days depend on `now`, so the schema is built per request. */
export function callbackSchema(now: Date) {
	const days = callbackDays(entity.officeHours, now);
	const windows = callbackWindows(entity.officeHours).map((w) => `${w.start}-${w.end}`);
	return z
		.object({
			name: z
				.string({ error: 'callbacks:errors.name' })
				.trim()
				.min(2, { error: 'callbacks:errors.name' })
				.max(120, { error: 'callbacks:errors.nameLong' }),
			phone: z.string({ error: 'callbacks:errors.phone.empty' }).transform((value, ctx) => {
				const result = normalisePhone(value);
				if (result.ok) return result.e164;
				ctx.addIssue({ code: 'custom', message: `callbacks:errors.phone.${result.problem}` });
				return z.NEVER;
			}),
			language: z.enum(['es', 'guc'], { error: 'callbacks:errors.language' }),
			topic: z.enum(CALLBACK_TOPICS, { error: 'callbacks:errors.topic' }),
			details: z
				.string()
				.trim()
				.max(500, { error: 'callbacks:errors.detailsLong' })
				.optional()
				.transform((value) => value || undefined),
			day: z.string({ error: 'callbacks:errors.day' }).refine((day) => days.includes(day), {
				error: 'callbacks:errors.day'
			}),
			window: z.string({ error: 'callbacks:errors.window' }).refine((w) => windows.includes(w), {
				error: 'callbacks:errors.window'
			}),
			consent: z.union([z.literal(true), z.literal('yes')], { error: 'callbacks:errors.consent' })
		})
		.superRefine((input, ctx) => {
			const [start = '', end = ''] = input.window.split('-');
			if (days.includes(input.day) && !windowIsOpen(input.day, { start, end }, now)) {
				ctx.addIssue({ code: 'custom', path: ['window'], message: 'callbacks:errors.windowPast' });
			}
		});
}

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

function receipt(row: typeof table.$inferSelect): CallbackReceipt {
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
		const result = await once(db, 'callbacks', key, input, async (tx) => {
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
			return { status: 201, body: receipt(row!) };
		});
		return result.body as CallbackReceipt;
	},

	/** The queue for the staff console: pending first, by preferred day and window. */
	async queue(db: Database) {
		return db
			.select()
			.from(table)
			.where(eq(table.status, 'pending'))
			.orderBy(asc(table.windowDate), asc(table.windowStart), asc(table.createdAt));
	}
};
