import { error, type RequestHandler } from '@sveltejs/kit';
import { z } from 'zod';
import { PETITION_TYPES } from '$lib/domain/terms';
import { dateInWords, instantInWords } from '$lib/domain/dates-in-words';
import { formatSecurityCode } from '$lib/domain/security-code';
import { DEFAULT_LOCALE, isLocale } from '$lib/i18n/locales';
import { translator } from '$lib/i18n/translator';
import { config } from '$lib/server/config';

const receiptSchema = z.object({
	number: z.string().regex(/^1-\d{4}-\d{6,9}$/),
	securityCode: z.string().regex(/^[0-9A-HJKMNP-TV-Z]{8}$/),
	filedAt: z.iso.datetime({ offset: true }),
	type: z.enum(PETITION_TYPES),
	termDays: z.coerce.number().int().min(1).max(200),
	dueDate: z.iso.date()
});

/**
 * "Save as file" on the confirmation page: a small text file with the number and the code, built
 * from what the page posts back (the code never travels in a URL and is not kept on the server).
 */
export const POST: RequestHandler = async ({ request, params }) => {
	const lang = isLocale(params.lang) ? params.lang : DEFAULT_LOCALE;
	const { t } = await translator(lang);
	const parsed = receiptSchema.safeParse(Object.fromEntries(await request.formData()));
	if (!parsed.success) error(400, 'Bad request');
	const r = parsed.data;
	const lines = [
		t('pqrsd:file.heading'),
		'',
		`${t('pqrsd:done.number')}: ${r.number}`,
		`${t('pqrsd:done.code')}: ${formatSecurityCode(r.securityCode)}`,
		`${t('pqrsd:done.type')}: ${t(`pqrsd:types.${r.type}.name`)}`,
		`${t('pqrsd:done.filedAt')}: ${instantInWords(new Date(r.filedAt))}`,
		`${t('pqrsd:done.term')}: ${t('pqrsd:done.termValue', { count: r.termDays })}`,
		`${t('pqrsd:done.due')}: ${dateInWords(r.dueDate)}`,
		'',
		`${t('pqrsd:done.lookup')}: ${config.origin}/${lang}/radicado?numero=${r.number}`,
		t('pqrsd:file.keep'),
		''
	];
	return new Response(lines.join('\r\n'), {
		headers: {
			'content-type': 'text/plain; charset=utf-8',
			'content-disposition': `attachment; filename="radicado-${r.number}.txt"`,
			'cache-control': 'no-store'
		}
	});
};
