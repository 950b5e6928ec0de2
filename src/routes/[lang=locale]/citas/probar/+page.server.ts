import { MEDIA_PERMISSIONS } from '$lib/server/web/calls';
import type { PageServerLoad } from './$types';

/** The camera and microphone check; the check itself is $lib/scripts/camera-check.ts. */
export const load: PageServerLoad = ({ setHeaders }) => {
	setHeaders({ 'permissions-policy': MEDIA_PERMISSIONS });
	return {};
};
