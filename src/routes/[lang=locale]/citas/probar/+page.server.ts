import { MEDIA_PERMISSIONS } from '$lib/server/calls/pages';
import type { PageServerLoad } from './$types';

// Server-rendered; the check itself is $lib/calls/check.ts, not SvelteKit's client.
export const csr = false;

export const load: PageServerLoad = ({ setHeaders }) => {
	setHeaders({ 'permissions-policy': MEDIA_PERMISSIONS });
	return {};
};
