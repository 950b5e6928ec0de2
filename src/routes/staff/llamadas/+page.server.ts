import { z } from 'zod';
import { database } from '$lib/server/db';
import { callbacks, MAX_CALL_ATTEMPTS } from '$lib/server/engagement/callbacks';
import { translator } from '$lib/i18n/translator';
import { failWith } from '$lib/server/web/forms';
import { signedIn } from '$lib/server/web/staff';
import { callbackView } from '$lib/server/staff/api-schemas';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	signedIn(locals, url);
	const asked = url.searchParams.get('idioma');
	const language = asked === 'es' || asked === 'guc' ? asked : '';
	const rows = await callbacks.queue(await database());
	return {
		language,
		maxAttempts: MAX_CALL_ATTEMPTS,
		queue: rows.filter((row) => !language || row.language === language).map(callbackView)
	};
};

const markForm = z.object({
	id: z.uuid(),
	result: z.enum(['called', 'unreachable'])
});

export const actions: Actions = {
	mark: async ({ locals, url, request }) => {
		const user = signedIn(locals, url);
		const parsed = markForm.safeParse(Object.fromEntries(await request.formData()));
		if (!parsed.success) return { marked: null };
		try {
			const row = await callbacks.mark(
				await database(),
				parsed.data.id,
				parsed.data.result,
				user.email
			);
			return { marked: { name: row.name, result: parsed.data.result, status: row.status } };
		} catch (caught) {
			return failWith(caught, (await translator('es')).t, { field: `call-${parsed.data.id}` });
		}
	}
};
