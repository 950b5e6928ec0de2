import { z } from 'zod';

/** Every block of content says which language it is in and how far its translation got. */
export const localisedFields = {
	lang: z.enum(['es', 'guc']),
	review: z.enum(['original', 'draft', 'reviewed', 'missing'])
};
