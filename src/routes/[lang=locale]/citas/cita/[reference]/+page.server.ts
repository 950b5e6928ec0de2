import { locale } from '$lib/server/web/booking-journey';
import { entity } from '$lib/config/entity';
import { dateInWords, timeInWords } from '$lib/domain/dates-in-words';
import { formatPhone } from '$lib/domain/phone-format';
import { appointments, manageUrl } from '$lib/server/appointments';
import { managed } from '$lib/server/web/appointment-access';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ cookies, params, url, setHeaders }) => {
	const token = url.searchParams.get('token');
	const found = await managed(cookies, locale(params.lang), params.reference, token);
	// The page may carry the manage token: keep it out of shared caches.
	setHeaders({ 'cache-control': 'private, no-store' });
	return {
		appointment: appointments.view(found),
		date: dateInWords(found.start),
		time: timeInWords(found.start),
		manageUrl: token ? manageUrl(locale(params.lang), found.reference, token) : undefined,
		calendarUrl: `/api/v1/appointments/${found.reference}/calendar.ics${
			token ? `?token=${encodeURIComponent(token)}` : ''
		}`,
		changeable: appointments.changeable(found),
		cancellable: appointments.cancellable(found),
		holdMinutes: entity.limits.booking.holdMinutes,
		heldUntil:
			found.status === 'held' && found.holdExpiresAt ? timeInWords(found.holdExpiresAt) : null,
		phone: found.phone ? formatPhone(found.phone) : null,
		fresh: url.searchParams.has('nueva'),
		confirmed: url.searchParams.has('confirmada'),
		changed: url.searchParams.has('cambiada'),
		cancelled: url.searchParams.has('cancelada')
	};
};
