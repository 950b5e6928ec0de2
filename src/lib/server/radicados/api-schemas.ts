import { z } from 'zod';
import { PETITION_CHANNELS, PETITION_STATES, RUNNING_BANDS } from '$lib/domain/petitions';
import { BANDS, PETITION_TYPES } from '$lib/domain/terms';

/** A petition of the queue, as the staff API answers it. */
export const queueItemSchema = z.object({
	number: z.string(),
	type: z.enum(PETITION_TYPES),
	subject: z.string(),
	filedAt: z.string(),
	dueDate: z.string(),
	band: z.enum(BANDS),
	state: z.enum(PETITION_STATES),
	elapsedBusinessDays: z.number().int().nullable(),
	termDays: z.number().int().nullable(),
	dependency: z.string().nullable(),
	assignee: z.string().nullable(),
	channel: z.enum(PETITION_CHANNELS)
});

export const queueAnswerSchema = z.object({
	items: z.array(queueItemSchema),
	counts: z.object(Object.fromEntries(RUNNING_BANDS.map((b) => [b, z.number().int()]))),
	total: z.number().int(),
	page: z.number().int(),
	pages: z.number().int(),
	pageSize: z.number().int()
});

/** What a staff operation on one petition answers: the petition as the console shows it. */
export const staffPetitionSchema = z
	.object({
		number: z.string(),
		identity: z.enum(['identified', 'reserved', 'anonymous']),
		petitioner: z
			.record(z.string(), z.string())
			.nullable()
			.describe('Only for a petition filed with the name; null for reserved and anonymous ones'),
		state: z.enum(PETITION_STATES),
		band: z.enum(BANDS),
		dueDate: z.string()
	})
	.catchall(z.unknown());

/** The look-up's answer. */
export const statusSchema = z.object({
	number: z.string(),
	type: z.enum(PETITION_TYPES),
	filedAt: z.string(),
	subject: z.string(),
	municipality: z.string().nullable(),
	state: z.enum(PETITION_STATES),
	termDays: z.number().int().describe('Business days, after any extension, without paused days'),
	elapsedBusinessDays: z.number().int(),
	dueDate: z.string(),
	band: z.enum(BANDS),
	pause: z
		.object({ since: z.string(), reason: z.string(), deadline: z.string() })
		.nullable()
		.describe('The term stands still until the petitioner completes the petition'),
	forwarded: z.object({ to: z.string(), at: z.string() }).nullable(),
	events: z.array(
		z.object({
			kind: z.string(),
			at: z.string(),
			responseNumber: z.string().optional(),
			responseDate: z.string().optional(),
			newDueDate: z.string().optional(),
			reason: z.string().optional(),
			forwardedTo: z.string().optional()
		})
	),
	responses: z.array(
		z.object({
			id: z.string().optional(),
			number: z.string(),
			date: z.string(),
			text: z.string().optional(),
			documentUrl: z
				.string()
				.optional()
				.describe('Valid for a few minutes, for this look-up only; answers a download'),
			documentName: z.string().optional(),
			documentSize: z.number().int().optional()
		})
	)
});
