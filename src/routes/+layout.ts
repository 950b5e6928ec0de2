import type { LayoutLoad } from './$types';
import { createTranslator } from '$lib/i18n/translate';

export const load: LayoutLoad = ({ data }) => {
	const { strings, ...rest } = data;
	return { ...rest, i18n: createTranslator(data.lang, strings) };
};
