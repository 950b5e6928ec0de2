import { error, fail, type ActionFailure } from '@sveltejs/kit';
import { entity } from '$lib/config/entity';
import { allows } from '$lib/domain/staff-roles';
import { translator } from '$lib/i18n/translator';
import { database } from '$lib/server/db';
import { isDomainError } from '$lib/server/errors';
import {
	answerSchema,
	assignmentSchema,
	eventSchema,
	radicados,
	revealSchema
} from '$lib/server/radicados';
import { staff } from '$lib/server/staff';
import { failWith, formFiles, isFormFailure, parseForm } from '$lib/server/web/forms';
import { signedIn } from '$lib/server/web/staff';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const user = signedIn(locals, url);
	const db = await database();
	let petition;
	try {
		petition = await radicados.forStaff(db, params.number);
	} catch (caught) {
		if (isDomainError(caught, 'NOT_FOUND')) error(404, 'Not found');
		throw caught;
	}
	const [templates, officials] = await Promise.all([
		radicados.templates.list(db),
		staff.officials(db)
	]);
	// "Usar la plantilla" (a GET form) puts the template's text in the answer, to edit.
	const chosen = templates.find((template) => template.id === url.searchParams.get('plantilla'));
	return {
		petition,
		templates: templates.map(({ id, title }) => ({ id, title })),
		template: chosen ? { id: chosen.id, body: chosen.body } : null,
		officials,
		dependencies: entity.dependencies.map(({ id, name }) => ({ id, name })),
		canReveal: petition.identity === 'reserved' && allows(user.roles, 'reserved')
	};
};

type Failure = ActionFailure<{ errors: Record<string, string>; values?: Record<string, unknown> }>;

/** A failed form says which of the page's forms it was, so its fields show the errors. */
function of(form: string, failure: Failure | ActionFailure<Record<string, unknown>>) {
	return fail(failure.status, { ...failure.data, form });
}

export const actions: Actions = {
	asignar: async ({ locals, url, request, params }) => {
		const user = signedIn(locals, url);
		const { t } = await translator('es');
		const parsed = await parseForm(request, assignmentSchema, t);
		if (isFormFailure(parsed)) return of('assign', parsed);
		try {
			await radicados.assign(await database(), params.number, parsed.data, user.email);
			return { done: 'assigned' };
		} catch (caught) {
			return of('assign', failWith(caught, t, { field: 'dependency', values: parsed.values }));
		}
	},

	evento: async ({ locals, url, request, params }) => {
		const user = signedIn(locals, url);
		const { t } = await translator('es');
		const parsed = await parseForm(request, eventSchema, t);
		if (isFormFailure(parsed)) return of('event', parsed);
		try {
			const { warnings } = await radicados.addEvent(
				await database(),
				params.number,
				parsed.data,
				user.email
			);
			return { done: 'event', kind: parsed.data.kind, warnings };
		} catch (caught) {
			return of('event', failWith(caught, t, { field: 'kind', values: parsed.values }));
		}
	},

	responder: async ({ locals, url, request, params }) => {
		const user = signedIn(locals, url);
		const { t } = await translator('es');
		const data = await request.formData();
		const [document] = await formFiles(data, 'document');
		const parsed = await parseForm(data, answerSchema, t);
		if (isFormFailure(parsed)) return of('answer', parsed);
		try {
			const answered = await radicados.answer(
				await database(),
				params.number,
				parsed.data,
				document,
				user.email
			);
			return { done: 'answered', responseNumber: answered.responseNumber };
		} catch (caught) {
			return of('answer', failWith(caught, t, { field: 'text', values: parsed.values }));
		}
	},

	identidad: async ({ locals, url, request, params }) => {
		const user = signedIn(locals, url);
		const { t } = await translator('es');
		const parsed = await parseForm(request, revealSchema, t);
		if (isFormFailure(parsed)) return of('reveal', parsed);
		try {
			const { petitioner } = await radicados.revealIdentity(
				await database(),
				params.number,
				parsed.data.reason,
				user
			);
			return { done: 'revealed', petitioner };
		} catch (caught) {
			if (isDomainError(caught, 'FORBIDDEN')) error(403, 'Forbidden');
			return of('reveal', failWith(caught, t, { field: 'reason' }));
		}
	}
};
