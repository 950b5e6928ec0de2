import { redirect } from '@sveltejs/kit';
import { entity } from '$lib/config/entity';
import { normaliseRadicado } from '$lib/domain/radicado-number';
import { translator } from '$lib/i18n/translator';
import { database } from '$lib/server/db';
import { fieldErrors } from '$lib/server/http/validation';
import { queueSchema, radicados, type QueueFilters } from '$lib/server/radicados';
import { staff } from '$lib/server/staff';
import { signedIn } from '$lib/server/web/staff';
import type { PageServerLoad } from './$types';

/** The filters of the query string; a value that is not one of the options is dropped and said. */
function filtersOf(url: URL, t: (key: string) => string) {
	const raw: Record<string, string> = Object.fromEntries(url.searchParams);
	const errors: Record<string, string> = {};
	let parsed = queueSchema.safeParse(raw);
	if (!parsed.success) {
		for (const { path, message } of fieldErrors(parsed.error.issues, t)) {
			errors[path] ??= message;
			delete raw[path];
		}
		parsed = queueSchema.safeParse(raw);
	}
	return { filters: (parsed.success ? parsed.data : {}) as QueueFilters, errors };
}

export const load: PageServerLoad = async ({ locals, url }) => {
	signedIn(locals, url);
	// Links to one petition from before the queue existed.
	const typed = url.searchParams.get('numero');
	if (typed)
		redirect(303, `/staff/peticiones/${normaliseRadicado(typed) ?? encodeURIComponent(typed)}`);
	const { t } = await translator('es');
	const { filters, errors } = filtersOf(url, t);
	const db = await database();
	const [queue, officials] = await Promise.all([radicados.queue(db, filters), staff.officials(db)]);
	return {
		filters,
		errors,
		queue,
		officials,
		dependencies: entity.dependencies.map(({ id, name }) => ({ id, name }))
	};
};
