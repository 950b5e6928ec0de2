import { isLocale, type Locale } from '$lib/i18n/locales';
import { translator, type Translator } from '$lib/i18n/translator';
import type { Message } from './outbox';

export interface Written {
	subject: string;
	/** Paragraphs and lines of the plain-text body, in order; joined with line breaks. */
	lines: string[];
	attachments?: Message['attachments'];
}

/**
 * Every email the app sends is written here: in the recipient's language (Spanish when the stored
 * one is unknown), plain text, one line per entry. `write` says what the message says.
 */
export async function composeEmail(
	envelope: { kind: string; to: string; locale: string },
	write: (t: Translator['t'], lang: Locale) => Written | Promise<Written>
): Promise<Message> {
	const lang = isLocale(envelope.locale) ? envelope.locale : 'es';
	const { t } = await translator(lang);
	const { subject, lines, attachments } = await write(t, lang);
	return {
		kind: envelope.kind,
		to: envelope.to,
		subject,
		text: lines.join('\n'),
		...(attachments ? { attachments } : {})
	};
}
