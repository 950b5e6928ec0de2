import { z } from 'zod';
import type { PetitionField } from '$lib/domain/petition-form';
import { optionalPhoneSchema } from '$lib/domain/phone';
import { ANONYMOUS_TYPES, STAFF_CHANNELS } from '$lib/domain/petitions';
import { PETITION_TYPES } from '$lib/domain/terms';
import { LOCALES } from '$lib/i18n/locales';

export const IDENTITIES = ['identified', 'reserved', 'anonymous'] as const;
export const CONTACT_PREFERENCES = ['email', 'phone', 'postal', 'online'] as const;

const optionalText = (max: number) => z.string().trim().max(max).optional();
const looksLikeEmail = z.email();

const petitionFields = z.object({
	type: z.enum(PETITION_TYPES, { error: 'pqrsd:errors.type' }),
	subject: z
		.string({ error: 'pqrsd:errors.subject' })
		.trim()
		.min(3, { error: 'pqrsd:errors.subject' })
		.max(200),
	description: z
		.string({ error: 'pqrsd:errors.description' })
		.trim()
		.min(10, { error: 'pqrsd:errors.description' })
		.max(5000),
	municipality: optionalText(100),
	identity: z.enum(IDENTITIES, { error: 'pqrsd:errors.identity' }),
	name: optionalText(150),
	document: optionalText(30),
	email: optionalText(254),
	phone: optionalPhoneSchema,
	address: optionalText(200),
	contactPreference: z.enum(CONTACT_PREFERENCES, { error: 'pqrsd:errors.contactPreference' }),
	/** Data-treatment consent (Ley 1581 de 2012); required whenever personal data is given. */
	consent: z.union([z.boolean(), z.literal('yes')]).optional()
} satisfies Record<PetitionField, z.ZodType>);

type PetitionFields = z.infer<typeof petitionFields>;

/** What a petition must say together: who may be anonymous, how to answer, consent. */
function petitionRules(value: PetitionFields, ctx: z.RefinementCtx) {
	const issue = (path: string, message: string) =>
		ctx.addIssue({ code: 'custom', path: [path], message, input: value });
	const anonymous = value.identity === 'anonymous';
	if (anonymous && !(ANONYMOUS_TYPES as readonly string[]).includes(value.type)) {
		issue('identity', 'pqrsd:errors.anonymousType');
	}
	if (!anonymous && !value.name) issue('name', 'pqrsd:errors.name');
	if (value.email && !looksLikeEmail.safeParse(value.email).success) {
		issue('email', 'validation:email');
	}
	if (anonymous && value.contactPreference !== 'online') {
		issue('contactPreference', 'pqrsd:errors.anonymousContact');
	} else if (value.contactPreference === 'email' && !value.email) {
		issue('email', 'pqrsd:errors.emailNeeded');
	} else if (value.contactPreference === 'phone' && !value.phone) {
		issue('phone', 'pqrsd:errors.phoneNeeded');
	} else if (value.contactPreference === 'postal' && !value.address) {
		issue('address', 'pqrsd:errors.addressNeeded');
	}
	if (!anonymous && value.consent !== true && value.consent !== 'yes') {
		issue('consent', 'pqrsd:errors.consent');
	}
}

// Also when other fields have errors, so the person sees every problem at once.
const everyProblem = {
	when: (payload: { value: unknown }) => typeof payload.value === 'object' && payload.value !== null
};

/**
 * A petition as the API and the HTML form send it (flat, so one schema serves both). Empty
 * optional fields arrive as "" from forms and mean "not given".
 */
export const filingSchema = petitionFields.superRefine(petitionRules, everyProblem);

export type FilingInput = z.infer<typeof filingSchema>;

/**
 * A petition an official files for a citizen who came by another channel: the same fields, the
 * channel, and the citizen's language for the emails. Consent is the citizen's, asked by the official.
 */
export const staffFilingSchema = petitionFields
	.extend({
		channel: z.enum(STAFF_CHANNELS, { error: 'desk:errors.channel' }),
		language: z.enum(LOCALES).optional()
	})
	.superRefine(petitionRules, everyProblem);

export type StaffFilingInput = z.infer<typeof staffFilingSchema>;

export const lookupSchema = z.object({
	number: z.string({ error: 'radicado:errors.number' }).trim().min(1, {
		error: 'radicado:errors.number'
	}),
	securityCode: z.string({ error: 'radicado:errors.code' }).trim().min(1, {
		error: 'radicado:errors.code'
	})
});

export type LookupInput = z.infer<typeof lookupSchema>;
