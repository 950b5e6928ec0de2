import { translator } from '$lib/i18n/translator';
import { database } from '$lib/server/db';
import { radicados, templateSchema } from '$lib/server/radicados';
import { failWith, isFormFailure, parseForm } from '$lib/server/web/forms';
import { signedIn } from '$lib/server/web/staff';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	signedIn(locals, url, ['admin', 'editor']);
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
			updatedAt: row.updatedAt.toISOString()
		})),
		editing: editing
			? { id: editing.id, title: editing.title, body: editing.body, active: editing.active }
			: asked === null
				? null
				: { id: '', title: '', body: '', active: true }
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
			return { saved: saved.title };
		} catch (caught) {
			return failWith(caught, t, { field: 'title', values: parsed.values });
		}
	}
};
