import { redirect } from '@sveltejs/kit';
import { homeFor } from '$lib/server/web/staff';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => {
	redirect(303, locals.staff ? homeFor(locals.staff.roles) : '/staff/entrar');
};
