import { fail } from '@sveltejs/kit';
import { randomUUID } from 'node:crypto';
import { translator } from '$lib/i18n/translator';
import { database } from '$lib/server/db';
import { radicados, staffFilingSchema } from '$lib/server/radicados';
import { MAX_FILE_BYTES, MAX_FILES, checkUploads } from '$lib/server/radicados/attachments';
import { failWith, formFiles, isFormFailure, parseForm } from '$lib/server/web/forms';
import { signedIn } from '$lib/server/web/staff';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	signedIn(locals, url);
	return {
		terms: await radicados.terms(await database()),
		// One key per page view: sending the same form twice files one petition.
		idempotencyKey: randomUUID()
	};
};

export const actions: Actions = {
	default: async ({ locals, url, request }) => {
		const user = signedIn(locals, url);
		const { t } = await translator('es');
		const data = await request.formData();
		const uploads = await formFiles(data, 'attachments');
		const parsed = await parseForm(data, staffFilingSchema, t);
		const uploadError = checkUploads(uploads);
		if (isFormFailure(parsed) || uploadError) {
			const failure = isFormFailure(parsed)
				? parsed.data
				: { values: parsed.values, errors: {} as Record<string, string> };
			if (uploadError) {
				failure.errors.attachments = t(`pqrsd:errors.attachments.${uploadError}`, {
					count: MAX_FILES,
					size: MAX_FILE_BYTES / 1024 / 1024
				});
			}
			return fail(400, failure);
		}
		const { channel, language, ...petition } = parsed.data;
		const key =
			typeof parsed.values.idempotencyKey === 'string' ? parsed.values.idempotencyKey : null;
		try {
			const filed = await radicados.file(await database(), petition, {
				lang: language ?? 'es',
				channel,
				actor: user.email,
				idempotencyKey: key,
				attachments: uploads
			});
			return { filed, channel };
		} catch (caught) {
			return failWith(caught, t, {
				field: 'form',
				values: parsed.values,
				keyField: 'idempotencyKey'
			});
		}
	}
};
