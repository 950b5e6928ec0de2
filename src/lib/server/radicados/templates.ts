import { asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { audit } from '../audit';
import { clock } from '../clock';
import type { Database } from '../db';
import { answerTemplates as table } from '../db/schema';
import { DomainError } from '../errors';

export type AnswerTemplate = typeof table.$inferSelect;

/** An answer template as the admins' form sends it; a new one names its id. */
export const templateSchema = z.object({
	id: z
		.string({ error: 'desk:errors.templateId' })
		.trim()
		.toLowerCase()
		.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { error: 'desk:errors.templateId' })
		.min(3, { error: 'desk:errors.templateId' })
		.max(60, { error: 'desk:errors.templateId' }),
	title: z
		.string({ error: 'desk:errors.templateTitle' })
		.trim()
		.min(3, { error: 'desk:errors.templateTitle' })
		.max(120, { error: 'desk:errors.tooLong' }),
	body: z
		.string({ error: 'desk:errors.templateBody' })
		.trim()
		.min(20, { error: 'desk:errors.templateBody' })
		.max(5000, { error: 'desk:errors.tooLong' }),
	active: z
		.union([z.boolean(), z.literal('yes'), z.literal('no')])
		.optional()
		.transform((value) => value === true || value === 'yes'),
	/** "yes" when the form creates one: an id already taken is refused, not overwritten. */
	creating: z
		.literal('yes')
		.optional()
		.transform((value) => value === 'yes')
});
export type TemplateInput = z.infer<typeof templateSchema>;

export const templates = {
	/** The templates, by title; only those in use unless `all`. */
	async list(db: Database, options: { all?: boolean } = {}): Promise<AnswerTemplate[]> {
		const rows = await db
			.select()
			.from(table)
			.where(options.all ? undefined : eq(table.active, true))
			.orderBy(asc(table.title));
		return rows;
	},

	async get(db: Database, id: string): Promise<AnswerTemplate> {
		const [row] = await db.select().from(table).where(eq(table.id, id));
		if (!row) throw new DomainError('NOT_FOUND');
		return row;
	},

	/**
	 * Keeps a change as a draft (a new template waits unpublished, version 0): the desk goes on
	 * using the published text until another editor approves. Audited with who wrote it.
	 */
	async save(
		db: Database,
		{ creating, ...input }: Omit<TemplateInput, 'creating'> & { creating?: boolean },
		actor: string
	): Promise<AnswerTemplate> {
		return db.transaction(async (tx) => {
			const now = clock.now();
			const [existing] = await tx.select().from(table).where(eq(table.id, input.id)).for('update');
			if (existing && creating) {
				throw new DomainError('VALIDATION_FAILED', {
					fields: [{ path: 'id', message: 'desk:errors.templateTaken' }]
				});
			}
			const draft = {
				draftTitle: input.title,
				draftBody: input.body,
				draftActive: input.active,
				draftBy: actor,
				draftAt: now
			};
			const [row] = existing
				? await tx.update(table).set(draft).where(eq(table.id, input.id)).returning()
				: await tx
						.insert(table)
						.values({
							...input,
							active: false,
							version: 0,
							updatedBy: actor,
							updatedAt: now,
							...draft
						})
						.returning();
			await audit(tx, {
				actor,
				action: 'answer_template.draft_saved',
				subject: input.id,
				data: { title: input.title, active: input.active, new: !existing }
			});
			return row!;
		});
	},

	/**
	 * Another editor publishes the draft (the desk uses it at once) or sends it back; nobody
	 * approves their own change (OWN_CHANGE). A new template sent back is removed.
	 */
	async review(
		db: Database,
		id: string,
		{ decision, note }: { decision: 'approve' | 'return'; note?: string | undefined },
		actor: string
	): Promise<AnswerTemplate | undefined> {
		return db.transaction(async (tx) => {
			const [row] = await tx.select().from(table).where(eq(table.id, id)).for('update');
			if (!row) throw new DomainError('NOT_FOUND');
			if (row.draftBy === null) throw new DomainError('NOTHING_TO_REVIEW');
			if (row.draftBy === actor) throw new DomainError('OWN_CHANGE');
			const cleared = {
				draftTitle: null,
				draftBody: null,
				draftActive: null,
				draftBy: null,
				draftAt: null
			};
			await audit(tx, {
				actor,
				action: decision === 'approve' ? 'answer_template.approved' : 'answer_template.returned',
				subject: id,
				data: { author: row.draftBy, title: row.draftTitle, note: note?.trim() || null }
			});
			if (decision === 'return' && row.version === 0) {
				await tx.delete(table).where(eq(table.id, id));
				return undefined;
			}
			const [reviewed] = await tx
				.update(table)
				.set(
					decision === 'approve'
						? {
								title: row.draftTitle!,
								body: row.draftBody!,
								active: row.draftActive!,
								version: row.version + 1,
								updatedBy: row.draftBy,
								updatedAt: clock.now(),
								...cleared
							}
						: cleared
				)
				.where(eq(table.id, id))
				.returning();
			return reviewed;
		});
	}
};
