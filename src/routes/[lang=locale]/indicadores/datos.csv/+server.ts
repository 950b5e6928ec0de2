import type { RequestHandler } from './$types';
import type { Locale } from '$lib/i18n/locales';
import { translator } from '$lib/i18n/translator';
import { clock } from '$lib/server/clock';
import { database } from '$lib/server/db';
import { indicators } from '$lib/server/engagement/indicators';

/** The published figures as CSV, one row a month, for people who want to reuse them. */
export const GET: RequestHandler = async ({ params }) => {
	const { t } = await translator(params.lang as Locale);
	const months = await indicators.monthly(await database(), clock.now());
	const csv = indicators.toCsv(months, (column) => t(`indicators:csv.${column}`));
	return new Response(csv, {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': 'attachment; filename="indicadores.csv"'
		}
	});
};
