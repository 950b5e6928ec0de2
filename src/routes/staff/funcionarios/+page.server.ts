import { fail } from '@sveltejs/kit';
import { z } from 'zod';
import { database } from '$lib/server/db';
import { STAFF_ROLES, staff } from '$lib/server/staff';
import { translator } from '$lib/i18n/translator';
import { failWith } from '$lib/server/web/forms';
import { signedIn } from '$lib/server/web/staff';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	signedIn(locals, url, 'admin');
	return { accounts: await staff.list(await database()), roles: STAFF_ROLES };
};

export const actions: Actions = {
	/** An administrator ends every session of an official (a lost laptop, someone who left). */
	signOut: async ({ locals, url, request }) => {
		const admin = signedIn(locals, url, 'admin');
		const id = z.uuid().safeParse((await request.formData()).get('id'));
		if (!id.success) return { ended: null };
		try {
			const ended = await staff.signOutEverywhere(await database(), id.data, admin);
			return { ended };
		} catch (caught) {
			return failWith(caught, (await translator('es')).t, { field: `account-${id.data}` });
		}
	},

	/** An administrator gives an official another set of roles (recorded in the audit log). */
	roles: async ({ locals, url, request }) => {
		const admin = signedIn(locals, url, 'admin');
		const form = await request.formData();
		const id = z.uuid().safeParse(form.get('id'));
		if (!id.success) return { changed: null };
		const { t } = await translator('es');
		const wanted = form.getAll('roles').map(String);
		if (!wanted.length) {
			return fail(400, { errors: { [`roles-${id.data}`]: t('staff:accounts.rolesNone') } });
		}
		try {
			const user = await staff.setRoles(await database(), id.data, wanted, admin);
			return { changed: user.email };
		} catch (caught) {
			return failWith(caught, t, { field: `roles-${id.data}` });
		}
	}
};
