import type { Translator } from '$lib/i18n/translate';
import type { Locale } from '$lib/i18n/locales';

declare global {
	namespace App {
		interface Locals {
			requestId: string;
		}
		interface PageData {
			lang?: Locale;
			i18n?: Translator;
		}
		interface Error {
			message: string;
		}
	}
}

export {};
