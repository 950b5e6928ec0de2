import { answerTemplateSeeds } from '$lib/content/answer-templates';
import { contentStudio } from '../content-items';
import { answerTemplates, legalTerms } from './schema';
import type { Database } from '.';

/** Legal terms in business days (Ley 1755 de 2015, art. 14). */
export const DEFAULT_LEGAL_TERMS: Record<string, number> = {
	peticion: 15,
	informacion: 10,
	consulta: 30,
	queja: 15,
	reclamo: 15,
	sugerencia: 15,
	denuncia: 15
};

/** Puts the demo data in place; safe to run on every start. */
export async function seed(db: Database): Promise<void> {
	await db
		.insert(legalTerms)
		.values(
			Object.entries(DEFAULT_LEGAL_TERMS).map(([petitionType, businessDays]) => ({
				petitionType,
				businessDays
			}))
		)
		.onConflictDoNothing();
	// First-level answers to start with; once there, they are the admins' to change.
	await db
		.insert(answerTemplates)
		.values(answerTemplateSeeds.map((template) => ({ ...template, updatedBy: 'seed' })))
		.onConflictDoNothing();
	// The shipped charter, services, channels and glossary, marked demo, for the editors to change.
	await contentStudio.seed(db);
}
