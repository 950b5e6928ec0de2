import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { entity } from '$lib/config/entity';
import { isOpen } from '$lib/domain/petitions';
import { audit } from '../audit';
import type { Database } from '../db';
import { radicados as table } from '../db/schema';
import { DomainError } from '../errors';
import { staff } from '../staff';
import { lockedByNumber } from './progress';

/** "" (a form's "nobody" option) and null both clear the field. */
const cleared = (value: unknown) => (value === '' ? null : value);

/** Who works a petition: a dependency of the entity profile and, optionally, an official. */
export const assignmentSchema = z.object({
	dependency: z.preprocess(
		cleared,
		z
			.string({ error: 'desk:errors.dependency' })
			.refine((id) => entity.dependencies.some((d) => d.id === id), {
				error: 'desk:errors.dependency'
			})
			.nullable()
	),
	assignee: z.preprocess(
		cleared,
		z
			.string({ error: 'desk:errors.assignee' })
			.trim()
			.toLowerCase()
			.max(254, { error: 'desk:errors.assignee' })
			.nullable()
			.optional()
	)
});
export type Assignment = z.infer<typeof assignmentSchema>;

/**
 * Assigns an open petition to a dependency and, optionally, an official who works petitions
 * (an active agent or admin); audited with what it was before. Answers the number as stored.
 */
export async function assign(
	db: Database,
	typed: string,
	input: Assignment,
	actor: string
): Promise<string> {
	const assignee = input.assignee ?? null;
	if (assignee && !(await staff.officials(db)).includes(assignee)) {
		throw new DomainError('VALIDATION_FAILED', {
			fields: [{ path: 'assignee', message: 'desk:errors.assignee' }]
		});
	}
	return db.transaction(async (tx) => {
		const row = await lockedByNumber(tx, typed);
		if (!isOpen(row.state)) {
			throw new DomainError('EVENT_NOT_ALLOWED', {
				fields: [{ path: 'dependency', message: 'closed' }]
			});
		}
		await tx
			.update(table)
			.set({ dependency: input.dependency, assignee })
			.where(eq(table.id, row.id));
		await audit(tx, {
			actor,
			action: 'radicado.assigned',
			subject: row.number,
			data: {
				dependency: input.dependency,
				assignee,
				before: { dependency: row.dependency, assignee: row.assignee }
			}
		});
		return row.number;
	});
}
