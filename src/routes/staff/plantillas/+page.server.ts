import { translator } from '$lib/i18n/translator';
import { database } from '$lib/server/db';
import { radicados, templateSchema } from '$lib/server/radicados';
import { failWith, isFormFailure, parseForm } from '$lib/server/web/forms';
import { signedIn } from '$lib/server/web/staff';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';

const reviewForm = z.object({
	id: z.string().min(1).max(60),
	decision: z.enum(['approve', 'return']),
	note: z.string().max(2000).optional()
});

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = signedIn(locals, url, ['admin', 'editor']);
	const templates = await radicados.templates.list(await database(), { all: true });
	// ?plantilla=<id> opens one to edit; ?plantilla= (empty) a new one.
	const asked = url.searchParams.get('plantilla');
	const editing = asked === null ? undefined : templates.find((row) => row.id === asked);
	return {
		templates: templates.map((row) => ({
			id: row.id,
			title: row.title,
			active: row.active,
			updatedBy: row.updatedBy,
			updatedAt: row.updatedAt.toISOString(),
			isNew: row.version === 0,
			draftBy: row.draftBy
		})),
		// The form shows the draft waiting for approval, when there is one.
		editing: editing
			? {
					id: editing.id,
					title: editing.draftTitle ?? editing.title,
					body: editing.draftBody ?? editing.body,
					active: editing.draftActive ?? editing.active,
					draftBy: editing.draftBy,
					canReview:
						editing.draftBy !== null &&
						editing.draftBy !== user.email &&
						user.roles.includes('editor')
				}
			: asked === null
				? null
				: { id: '', title: '', body: '', active: true, draftBy: null, canReview: false }
	};
};

export const actions: Actions = {
	guardar: async ({ locals, url, request }) => {
		const user = signedIn(locals, url, ['admin', 'editor']);
		const { t } = await translator('es');
		const parsed = await parseForm(request, templateSchema, t);
		if (isFormFailure(parsed)) return parsed;
		try {
			const saved = await radicados.templates.save(await database(), parsed.data, user.email);
			return { saved: saved.draftTitle };
		} catch (caught) {
			return failWith(caught, t, { field: 'title', values: parsed.values });
		}
	},
	revisar: async ({ locals, url, request }) => {
		const user = signedIn(locals, url, 'editor');
		const { t } = await translator('es');
		const parsed = await parseForm(request, reviewForm, t);
		if (isFormFailure(parsed)) return parsed;
		const { id, ...decision } = parsed.data;
		try {
			await radicados.templates.review(await database(), id, decision, user.email);
			return { reviewed: decision.decision };
		} catch (caught) {
			return failWith(caught, t, { field: 'note' });
		}
	}
};
