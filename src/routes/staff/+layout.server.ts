import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = ({ locals, setHeaders }) => {
	// Console pages hold personal data: never in a shared cache, never in the back-forward cache of another user.
	setHeaders({ 'cache-control': 'private, no-store' });
	return { staff: locals.staff ?? null };
};
