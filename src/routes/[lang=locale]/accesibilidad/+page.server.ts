import { languagesCoverage } from '$lib/server/languages';
import type { PageServerLoad } from './$types';

/** How much of the site is in each language, as published: the same numbers as /api/v1/languages. */
export const load: PageServerLoad = () => ({ languages: languagesCoverage() });
