import type { Translator } from '$lib/i18n/translator';
import type { Locale } from '$lib/i18n/locales';
import type { StaffUser } from '$lib/server/staff';

declare global {
	namespace App {
		interface Locals {
			requestId: string;
			/** The signed-in official, on /staff pages and /api/v1/staff calls. */
			staff?: StaffUser;
			/** Set when the request needed the database while it was unavailable: answered 503. */
			unavailable?: boolean;
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
