import { fail } from '@sveltejs/kit';
import { DEFAULT_LOCALE, isLocale } from '$lib/i18n/locales';
import { translator } from '$lib/i18n/translator';
import { database } from '$lib/server/db';
import { parseForm, refusal } from '$lib/server/web/forms';
import { DOCUMENT_LINK_MINUTES, lookupSchema, radicados } from '$lib/server/radicados';
import type { Actions, PageServerLoad } from './$types';

// The number may come from a receipt link; the code never travels in a URL.
export const load: PageServerLoad = ({ url }) => ({
	numero: (url.searchParams.get('numero') ?? '').slice(0, 40),
	linkMinutes: DOCUMENT_LINK_MINUTES
});

export const actions: Actions = {
	default: async ({ request, params, getClientAddress, setHeaders }) => {
		const lang = isLocale(params.lang) ? params.lang : DEFAULT_LOCALE;
		const { t } = await translator(lang);
		const parsed = await parseForm(request, lookupSchema, t);
		if (!('values' in parsed)) {
			// Never send the typed code back into the page.
			const { number } = parsed.data.values;
			return fail(400, { errors: parsed.data.errors, values: { number } });
		}
		const values = { number: parsed.data.number };
		try {
			const status = await radicados.lookup(await database(), parsed.data, getClientAddress());
			setHeaders({ 'cache-control': 'no-store' });
			return { status };
		} catch (error) {
			// A wrong number and a wrong code are the same refusal; too many misses name a wait.
			const { status, retryAfter, values: facts } = refusal(error, t, 'number');
			if (retryAfter === undefined) {
				return fail(status, { values, notFound: { remaining: Number(facts.count ?? 0) } });
			}
			setHeaders({ 'retry-after': String(retryAfter) });
			return fail(status, { values, limited: { minutes: Math.ceil(retryAfter / 60) } });
		}
	}
};
