import { fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { allows } from '$lib/domain/staff-roles';
import { translator } from '$lib/i18n/translator';
import { database } from '$lib/server/db';
import { isDomainError } from '$lib/server/errors';
import { formError } from '$lib/server/http/problems';
import { fieldErrors } from '$lib/server/http/validation';
import { groups, STATES, translations, type State } from '$lib/server/translations';
import { reviewSchema } from '$lib/server/translations/api-schemas';
import { failWith, formValues } from '$lib/server/web/forms';
import { signedIn } from '$lib/server/web/staff';
import type { Actions, PageServerLoad } from './$types';

/** Texts per page: enough to work through a namespace, few enough for a phone. */
const PAGE_SIZE = 20;
const ROLES = ['translator', 'reviewer'] as const;
const DONE = ['saved', 'approve', 'return'];

/** The filter as the page's address holds it: ?q=&ns=&estado=&pagina= */
function filterOf(url: URL) {
	const state = url.searchParams.get('estado') ?? '';
	const group = url.searchParams.get('ns') ?? '';
	const page = Number(url.searchParams.get('pagina') ?? '1');
	return {
		q: (url.searchParams.get('q') ?? '').slice(0, 200),
		group: groups().includes(group) ? group : '',
		state: (STATES as readonly string[]).includes(state) ? (state as State) : undefined,
		page: Number.isInteger(page) && page > 0 ? page : 1
	};
}

/** The filter's query string, to keep it through a form post and its redirect. */
function queryOf(filter: ReturnType<typeof filterOf>): string {
	const params = new URLSearchParams();
	if (filter.q) params.set('q', filter.q);
	if (filter.group) params.set('ns', filter.group);
	if (filter.state) params.set('estado', filter.state);
	if (filter.page > 1) params.set('pagina', String(filter.page));
	return params.toString();
}

/** This list's address with some of its filter changed (a state, a page). */
function listUrl(
	filter: ReturnType<typeof filterOf>,
	changes: Partial<ReturnType<typeof filterOf>>
): string {
	const query = queryOf({ ...filter, ...changes });
	return `/staff/traducciones${query ? `?${query}` : ''}`;
}

/** A text's anchor in the page: `common:nav.charter` → `t-common--nav.charter`. */
const anchor = (key: string) => `t-${key.replace(':', '--')}`;

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = signedIn(locals, url, ROLES);
	const filter = filterOf(url);
	const listing = await translations.list(await database(), {
		lang: 'guc',
		q: filter.q,
		group: filter.group || undefined,
		state: filter.state,
		offset: (filter.page - 1) * PAGE_SIZE,
		limit: PAGE_SIZE
	});
	const done = url.searchParams.get('hecho');
	const pages = Math.max(1, Math.ceil(listing.total / PAGE_SIZE));
	return {
		filter,
		query: queryOf(filter),
		links: {
			states: Object.fromEntries(
				STATES.map((state) => [state, listUrl(filter, { state, page: 1 })])
			) as Record<State, string>,
			previous: filter.page > 1 ? `${listUrl(filter, { page: filter.page - 1 })}#resultados` : null,
			next: filter.page < pages ? `${listUrl(filter, { page: filter.page + 1 })}#resultados` : null
		},
		groups: groups(),
		listing,
		pages,
		me: user.email,
		canWrite: allows(user.roles, 'translator'),
		canReview: allows(user.roles, 'reviewer'),
		done:
			done && DONE.some((what) => done.startsWith(`${what}:`))
				? { what: done.slice(0, done.indexOf(':')), key: done.slice(done.indexOf(':') + 1) }
				: null,
		imported: url.searchParams.get('importados'),
		anchors: Object.fromEntries(listing.entries.map((entry) => [entry.key, anchor(entry.key)]))
	};
};

const saveForm = z.object({ key: z.string().min(1).max(200), text: z.string().max(10_000) });

export const actions: Actions = {
	save: async ({ locals, url, request }) => {
		const user = signedIn(locals, url, 'translator');
		const values = formValues(await request.formData());
		const form = saveForm.safeParse(values);
		const { t } = await translator('es');
		if (!form.success) return { errors: { form: t('studio:errors.form') } };
		const field = `text-${anchor(form.data.key)}`;
		try {
			await translations.save(
				await database(),
				{ lang: 'guc', key: form.data.key, text: form.data.text },
				user
			);
		} catch (caught) {
			return failWith(caught, t, { field, values: { key: form.data.key, text: form.data.text } });
		}
		const query = queryOf(filterOf(url));
		redirect(
			303,
			`/staff/traducciones?${query ? `${query}&` : ''}hecho=saved:${encodeURIComponent(form.data.key)}#${anchor(form.data.key)}`
		);
	},

	review: async ({ locals, url, request }) => {
		const user = signedIn(locals, url, 'reviewer');
		const values = formValues(await request.formData());
		const key = typeof values.key === 'string' ? values.key : '';
		const { t } = await translator('es');
		const form = reviewSchema.safeParse({ ...values, lang: 'guc' });
		const field = `note-${anchor(key)}`;
		if (!form.success || !key) {
			const [issue] = form.success ? [] : fieldErrors(form.error.issues, t);
			return fail(400, {
				errors: { [field]: issue?.message ?? t('studio:errors.form') },
				values: { key, note: String(values.note ?? '') }
			});
		}
		try {
			await translations.review(await database(), { key, ...form.data }, user);
		} catch (caught) {
			return failWith(caught, t, { field, values: { key, note: form.data.note ?? '' } });
		}
		const query = queryOf(filterOf(url));
		redirect(
			303,
			`/staff/traducciones?${query ? `${query}&` : ''}hecho=${form.data.decision}:${encodeURIComponent(key)}#${anchor(key)}`
		);
	},

	import: async ({ locals, url, request }) => {
		const user = signedIn(locals, url, 'translator');
		const file = (await request.formData()).get('sheet');
		const { t } = await translator('es');
		if (!(file instanceof File) || file.size === 0) {
			return { errors: { sheet: t('studio:sheet.missing') } };
		}
		try {
			const result = await translations.importCsv(await database(), 'guc', await file.text(), user);
			return { importResult: result };
		} catch (caught) {
			if (isDomainError(caught, 'SHEET_INVALID')) {
				const problems = caught.details.extra?.problems as string[];
				return fail(422, { errors: { sheet: formError(caught, t, 'sheet').message }, problems });
			}
			return failWith(caught, t, { field: 'sheet' });
		}
	}
};
