import type { RequestHandler } from './$types';
import type { Locale } from '$lib/i18n/locales';
import { translator } from '$lib/i18n/translator';
import { clock } from '$lib/server/clock';
import { database } from '$lib/server/db';
import { monthly } from '$lib/server/engagement/indicators';

/** The published figures as CSV, one row a month, for people who want to reuse them. */
export const GET: RequestHandler = async ({ params }) => {
	const { t } = await translator(params.lang as Locale);
	const months = await monthly(await database(), clock.now());
	const header = [
		'month',
		'surveyAnswers',
		'satisfactionAverage',
		'satisfiedPercent',
		'callbacksRequested',
		'callbacksMade',
		'callbacksUnreachable',
		'appointmentsBooked',
		'appointmentsAttended',
		'appointmentsNoShow',
		'petitionsFiled',
		'petitionsAnswered',
		'petitionsAnsweredOnTime',
		'averageBusinessDaysToAnswer'
	].map((column) => t(`indicators:csv.${column}`));
	const rows = months.map((m) => [
		m.month,
		m.satisfaction.answers,
		m.satisfaction.average ?? '',
		m.satisfaction.satisfiedPercent ?? '',
		m.callbacks.requested,
		m.callbacks.called,
		m.callbacks.unreachable,
		m.appointments.booked,
		m.appointments.attended,
		m.appointments.noShow,
		m.petitions.filed,
		m.petitions.answered,
		m.petitions.answeredOnTime,
		m.petitions.averageBusinessDaysToAnswer ?? ''
	]);
	const csv = [header, ...rows].map((row) => row.join(',')).join('\r\n') + '\r\n';
	return new Response(csv, {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': 'attachment; filename="indicadores.csv"'
		}
	});
};
