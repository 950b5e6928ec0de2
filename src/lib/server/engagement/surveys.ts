import { z } from 'zod';
import type { Locale } from '$lib/i18n/locales';
import type { Database } from '../db';
import { surveys as table } from '../db/schema';
import { DomainError } from '../errors';

export const JOURNEYS = ['booking', 'lookup', 'petition', 'callback', 'answer'] as const;

export const surveySchema = z.object({
	journey: z.enum(JOURNEYS),
	journeyRef: z.string().regex(/^[\w-]{6,80}$/),
	rating: z.coerce
		.number({ error: 'surveys:errors.rating' })
		.int({ error: 'surveys:errors.rating' })
		.min(1, { error: 'surveys:errors.rating' })
		.max(5, { error: 'surveys:errors.rating' }),
	comment: z
		.string()
		.trim()
		.max(1000, { error: 'surveys:errors.commentLong' })
		.optional()
		.transform((value) => value || undefined)
});

export type SurveyInput = z.output<typeof surveySchema>;

export const surveys = {
	/** Keeps one answer per journey instance; a second answer is refused, not counted twice. */
	async answer(db: Database, input: SurveyInput, locale: Locale): Promise<void> {
		const inserted = await db
			.insert(table)
			.values({ ...input, locale })
			.onConflictDoNothing()
			.returning({ id: table.id });
		if (inserted.length === 0) throw new DomainError('ALREADY_ANSWERED');
	}
};
