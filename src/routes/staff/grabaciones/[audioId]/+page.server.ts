import { fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { allows } from '$lib/domain/staff-roles';
import { isLocale } from '$lib/i18n/locales';
import { translator } from '$lib/i18n/translator';
import { database } from '$lib/server/db';
import { recordings } from '$lib/server/recordings';
import { studioFile } from '$lib/server/recordings/api-schemas';
import { failWith } from '$lib/server/web/forms';
import { signedIn } from '$lib/server/web/staff';
import type { Actions, PageServerLoad } from './$types';

const DONE = ['uploaded', 'approved', 'returned', 'confirmed'] as const;

const langOf = (url: URL) => {
	const asked = url.searchParams.get('idioma');
	return isLocale(asked) ? asked : 'guc';
};

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const user = signedIn(locals, url, ['translator', 'reviewer']);
	const slot = await recordings.slot(await database(), params.audioId, langOf(url));
	const files = (id: string) => ({ opus: studioFile(id, 'opus'), mp3: studioFile(id, 'mp3') });
	return {
		slot,
		files: {
			published: slot.published ? files(slot.published.id) : null,
			draft: slot.draft ? files(slot.draft.id) : null
		},
		me: user.email,
		canRecord: allows(user.roles, 'translator'),
		canReview: allows(user.roles, 'reviewer'),
		done: DONE.find((what) => what === url.searchParams.get('hecho')) ?? null
	};
};

/** Back to the slot's page with what was done: reloading it sends nothing again. */
function done(params: { audioId: string }, url: URL, what: string): never {
	redirect(
		303,
		`/staff/grabaciones/${encodeURIComponent(params.audioId)}?idioma=${langOf(url)}&hecho=${what}`
	);
}

const reviewForm = z.object({
	decision: z.enum(['approve', 'return']),
	note: z.string().max(1000).optional()
});

export const actions: Actions = {
	upload: async ({ locals, url, params, request }) => {
		const user = signedIn(locals, url, 'translator');
		const { t } = await translator('es');
		const file = (await request.formData()).get('audio');
		if (!(file instanceof File) || file.size === 0) {
			return fail(400, { errors: { audio: t('studio:recorder.missing') } });
		}
		try {
			await recordings.upload(
				await database(),
				{
					audioId: params.audioId,
					lang: langOf(url),
					bytes: new Uint8Array(await file.arrayBuffer())
				},
				user
			);
		} catch (caught) {
			return failWith(caught, t, { field: 'audio' });
		}
		done(params, url, 'uploaded');
	},

	review: async ({ locals, url, params, request }) => {
		const user = signedIn(locals, url, 'reviewer');
		const { t } = await translator('es');
		const form = reviewForm.safeParse(Object.fromEntries(await request.formData()));
		if (!form.success) return fail(400, { errors: { note: t('studio:errors.form') } });
		if (form.data.decision === 'return' && !form.data.note?.trim()) {
			return fail(400, { errors: { note: t('studio:errors.note') } });
		}
		try {
			await recordings.review(
				await database(),
				{ audioId: params.audioId, lang: langOf(url), ...form.data },
				user
			);
		} catch (caught) {
			return failWith(caught, t, { field: 'note', values: { note: form.data.note ?? '' } });
		}
		done(params, url, form.data.decision === 'approve' ? 'approved' : 'returned');
	},

	confirm: async ({ locals, url, params }) => {
		const user = signedIn(locals, url, 'reviewer');
		try {
			await recordings.confirm(
				await database(),
				{ audioId: params.audioId, lang: langOf(url) },
				user
			);
		} catch (caught) {
			return failWith(caught, (await translator('es')).t, { field: 'confirm' });
		}
		done(params, url, 'confirmed');
	}
};
