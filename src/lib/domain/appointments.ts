import { z } from 'zod';
import { bookableServices } from '$lib/content/services';
import { optionalPhoneSchema } from './phone';

/**
 * What a video appointment is about: the services of the portfolio that offer one, so a
 * service page's "Pedir una cita" link (`/citas?tema=<slug>`) preselects its topic.
 */
export const TOPICS = bookableServices().map((service) => service.slug) as [string, ...string[]];
export type Topic = string;

export const DOCUMENT_TYPES = ['CC', 'TI', 'CE', 'PPT', 'PA', 'RC'] as const;

/** Preferential attention (Decreto 19 de 2012, art. 13). */
export const PREFERENTIAL = [
	'disability',
	'older-adult',
	'pregnancy',
	'child',
	'victim',
	'ethnic-group'
] as const;

export const CALL_LANGUAGES = ['es', 'guc'] as const;

/** The version of the personal-data policy the citizen accepts; bump it when the policy changes. */
export const POLICY_VERSION = '2026-01';

const optionalText = (max: number, key: string) =>
	z
		.string()
		.trim()
		.max(max, { error: key })
		.optional()
		.transform((value) => value ?? '');

export const topicSchema = z.enum(TOPICS, { error: 'booking:errors.topic' });

/** An email the person may leave blank when they give a phone instead. */
const optionalEmail = z
	.string({ error: 'booking:errors.email' })
	.trim()
	.optional()
	.transform((value) => value || undefined)
	.pipe(
		z
			.email({ error: 'booking:errors.email' })
			.max(254, { error: 'booking:errors.email' })
			.optional()
	);

/**
 * A booking needs a way to reach the person: an email (the link that confirms the booking) or,
 * for someone without email, a phone (an official calls to confirm).
 */
function reachable(value: { email?: string; phone?: string }, ctx: z.RefinementCtx): void {
	if (!value.email && !value.phone) {
		ctx.addIssue({ code: 'custom', path: ['email'], message: 'booking:errors.contact' });
	}
}

const detailsShape = {
	name: z
		.string({ error: 'booking:errors.name' })
		.trim()
		.min(2, { error: 'booking:errors.name' })
		.max(120, { error: 'booking:errors.nameLong' }),
	documentType: z.enum(DOCUMENT_TYPES, { error: 'booking:errors.documentType' }),
	documentNumber: z
		.string({ error: 'booking:errors.documentNumber' })
		.transform((value) => value.replace(/[\s.-]/g, '').toUpperCase())
		.pipe(z.string().regex(/^[A-Z0-9]{3,20}$/, { error: 'booking:errors.documentNumber' })),
	email: optionalEmail,
	phone: optionalPhoneSchema,
	description: optionalText(1000, 'booking:errors.descriptionLong')
};

export const detailsSchema = z.object(detailsShape).superRefine(reachable);

export const adjustmentsSchema = z.object({
	callLanguage: z.enum(CALL_LANGUAGES, { error: 'booking:errors.callLanguage' }),
	accessibilityNeeds: optionalText(500, 'booking:errors.accessibilityLong'),
	preferential: z
		.array(z.enum(PREFERENTIAL, { error: 'booking:errors.preferential' }))
		.max(PREFERENTIAL.length)
		.default([])
});

/** "2026-02-03T08:00:00-05:00": an instant with an explicit offset. */
export const instantSchema = z.iso.datetime({ offset: true, error: 'booking:errors.start' });

/** The whole booking, as the API receives it and the check-answers page posts it. */
export const bookingSchema = z
	.object({
		topic: topicSchema,
		start: instantSchema,
		consent: z.literal(true, { error: 'booking:errors.consent' })
	})
	.extend(detailsShape)
	.extend(adjustmentsSchema.shape)
	.superRefine(reachable);
export type BookingInput = z.infer<typeof bookingSchema>;
