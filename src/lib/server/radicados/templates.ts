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

	/** Creates or changes a template (admins); audited with who changed it. */
	async save(
		db: Database,
		{ creating, ...input }: Omit<TemplateInput, 'creating'> & { creating?: boolean },
		actor: string
	): Promise<AnswerTemplate> {
		return db.transaction(async (tx) => {
			const now = clock.now();
			if (creating) {
				const [taken] = await tx.select({ id: table.id }).from(table).where(eq(table.id, input.id));
				if (taken) {
					throw new DomainError('VALIDATION_FAILED', {
						fields: [{ path: 'id', message: 'desk:errors.templateTaken' }]
					});
				}
			}
			const [row] = await tx
				.insert(table)
				.values({ ...input, updatedBy: actor, updatedAt: now })
				.onConflictDoUpdate({
					target: table.id,
					set: {
						title: input.title,
						body: input.body,
						active: input.active,
						updatedBy: actor,
						updatedAt: now
					}
				})
				.returning();
			await audit(tx, {
				actor,
				action: 'answer_template.saved',
				subject: input.id,
				data: { title: input.title, active: input.active }
			});
			return row!;
		});
	}
};
