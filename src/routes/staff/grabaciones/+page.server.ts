import { isLocale } from '$lib/i18n/locales';
import { database } from '$lib/server/db';
import { recordedMinutes, recordings } from '$lib/server/recordings';
import { signedIn } from '$lib/server/web/staff';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	signedIn(locals, url, ['translator', 'reviewer']);
	const asked = url.searchParams.get('idioma');
	const lang = isLocale(asked) ? asked : 'guc';
	const slots = await recordings.slots(await database(), lang);
	return {
		lang,
		minutes: recordedMinutes()[lang],
		counts: {
			reviewed: slots.filter((slot) => slot.published).length,
			waiting: slots.filter((slot) => slot.draft).length,
			missing: slots.filter((slot) => !slot.published && !slot.draft).length,
			changed: slots.filter(
				(slot) => slot.published?.textChanged || (slot.voiceChanged && !slot.published)
			).length
		},
		slots: slots.map((slot) => ({
			id: slot.id,
			kind: slot.kind,
			title: slot.title,
			titleLang: slot.titleLang,
			page: slot.page,
			published: slot.published,
			draft: slot.draft,
			voiceChanged: slot.voiceChanged
		}))
	};
};
