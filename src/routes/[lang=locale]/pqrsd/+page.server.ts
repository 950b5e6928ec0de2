import { fail } from '@sveltejs/kit';
import { randomUUID } from 'node:crypto';
import { PETITION_CONTROLS } from '$lib/domain/petition-form';
import { PETITION_TYPES } from '$lib/domain/terms';
import { serviceView } from '$lib/server/content';
import { isLocale, DEFAULT_LOCALE } from '$lib/i18n/locales';
import { translator } from '$lib/i18n/translator';
import { database } from '$lib/server/db';
import { failWith, formFiles, formValues } from '$lib/server/web/forms';
import { fieldErrors } from '$lib/server/http/validation';
import { filingSchema, radicados } from '$lib/server/radicados';
import { MAX_FILE_BYTES, MAX_FILES, checkUploads } from '$lib/server/radicados/attachments';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, url }) => {
	const lang = isLocale(params.lang) ? params.lang : DEFAULT_LOCALE;
	// A service page opens the form set to its kind of petition, with the service as the subject.
	const type = url.searchParams.get('tipo');
	const service = serviceView(lang, url.searchParams.get('servicio') ?? '', await translator(lang));
	return {
		terms: await radicados.terms(await database()),
		preset: {
			type: (PETITION_TYPES as readonly string[]).includes(type ?? '') ? type! : '',
			subject: service?.name ?? ''
		},
		// One key per page view: sending the same form twice files one petition.
		idempotencyKey: randomUUID()
	};
};

export const actions: Actions = {
	default: async ({ request, params, setHeaders }) => {
		const lang = isLocale(params.lang) ? params.lang : DEFAULT_LOCALE;
		const { t } = await translator(lang);
		const data = await request.formData();
		const values = formValues(data);
		// For an anonymous denuncia the form hides "Sus datos" and the reply channel: what those
		// fields still hold (typed before choosing anonymity) is not kept, and the answer is online.
		if (values.identity === 'anonymous') {
			for (const field of ['name', 'document', 'email', 'phone', 'address', 'consent']) {
				delete values[field];
			}
			values.contactPreference = 'online';
		}
		const uploads = await formFiles(data, 'attachments');
		const found: Record<string, string> = {};
		const parsed = filingSchema.safeParse(values, { reportInput: true });
		if (!parsed.success) {
			for (const { path, message } of fieldErrors(parsed.error.issues, t)) {
				found[path.split('.')[0] || 'form'] ??= message;
			}
		}
		const uploadError = checkUploads(uploads);
		if (uploadError) {
			found.attachments = t(`pqrsd:errors.attachments.${uploadError}`, {
				count: MAX_FILES,
				size: MAX_FILE_BYTES / 1024 / 1024
			});
		}
		if (!parsed.success || uploadError) {
			// In the order of the form, so the error summary reads top to bottom.
			const errors = Object.fromEntries(
				[...PETITION_CONTROLS, 'form']
					.filter((field) => found[field])
					.map((field) => [field, found[field]!])
			);
			return fail(400, { values, errors });
		}
		const key = typeof values.idempotencyKey === 'string' ? values.idempotencyKey : null;
		try {
			const filed = await radicados.file(await database(), parsed.data, {
				lang,
				idempotencyKey: key,
				attachments: uploads
			});
			// The page shows the security code: no cache may keep it.
			setHeaders({ 'cache-control': 'no-store' });
			const email = parsed.data.identity === 'anonymous' ? '' : parsed.data.email;
			return {
				filed,
				emailedTo: filed.receiptEmailed ? email : null,
				receiptWithheld: Boolean(email) && !filed.receiptEmailed
			};
		} catch (error) {
			// E.g. the same page sent before with other data (after going back): a fresh key is offered.
			return failWith(error, t, { field: 'form', values, keyField: 'idempotencyKey' });
		}
	}
};
