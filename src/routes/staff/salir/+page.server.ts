import { redirect } from '@sveltejs/kit';
import { database } from '$lib/server/db';
import { staff } from '$lib/server/staff';
import { sessionCookie } from '$lib/server/web/staff';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = () => redirect(303, '/staff/agenda');

export const actions: Actions = {
	/** Signs out this browser. (SvelteKit does not allow a default action beside named ones.) */
	esta: async ({ cookies }) => {
		const token = sessionCookie.get(cookies);
		if (token) await staff.signOut(await database(), token);
		sessionCookie.clear(cookies);
		redirect(303, '/staff/entrar?salida=1');
	},
	/** Signs out every browser of this official (recorded in the audit log). */
	todas: async ({ cookies, locals }) => {
		if (locals.staff) {
			await staff.signOutEverywhere(await database(), locals.staff.id, locals.staff);
		}
		sessionCookie.clear(cookies);
		redirect(303, '/staff/entrar?salida=todas');
	}
};
