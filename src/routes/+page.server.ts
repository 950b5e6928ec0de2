import { redirect } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { negotiate } from '$lib/i18n/locales';

export const load: PageServerLoad = ({ request, setHeaders }) => {
	setHeaders({ vary: 'Accept-Language' });
	redirect(307, `/${negotiate(request.headers.get('accept-language'))}`);
};
