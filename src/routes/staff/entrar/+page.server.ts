import { fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { translator } from '$lib/i18n/translator';
import { database } from '$lib/server/db';
import { failWith, isFormFailure, parseForm } from '$lib/server/web/forms';
import { staff } from '$lib/server/staff';
import { returnPath, sessionCookie } from '$lib/server/web/staff';
import type { Actions, PageServerLoad } from './$types';

const signInForm = z.object({
	email: z
		.string({ error: 'staff:errors.email' })
		.trim()
		.min(3, { error: 'staff:errors.email' })
		.max(200, { error: 'staff:errors.email' }),
	password: z
		.string({ error: 'staff:errors.password' })
		.min(1, { error: 'staff:errors.password' })
		.max(200, { error: 'staff:errors.password' })
});

export const load: PageServerLoad = ({ locals, url }) => {
	if (locals.staff) redirect(303, returnPath(url.searchParams.get('volver'), locals.staff.roles));
	return { signedOut: url.searchParams.get('salida') };
};

export const actions: Actions = {
	default: async ({ request, cookies, url, getClientAddress }) => {
		const { t } = await translator('es');
		const form = await parseForm(request, signInForm, t);
		if (isFormFailure(form)) {
			// Never send the password back to the page.
			return fail(400, { ...form.data, values: { email: String(form.data.values.email ?? '') } });
		}
		let roles;
		try {
			const signedIn = await staff.signIn(
				await database(),
				form.data,
				getClientAddress(),
				sessionCookie.get(cookies)
			);
			sessionCookie.set(cookies, signedIn.token);
			roles = signedIn.user.roles;
		} catch (caught) {
			return failWith(caught, t, { field: 'email', values: { email: form.data.email } });
		}
		redirect(303, returnPath(url.searchParams.get('volver'), roles));
	}
};
