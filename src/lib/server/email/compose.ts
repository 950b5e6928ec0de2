import { isLocale, type Locale } from '$lib/i18n/locales';
import { translator, type TOptions, type Translator } from '$lib/i18n/translator';
import type { Message } from './outbox';

export interface Written {
	subject: string;
	/** Paragraphs and lines of the plain-text body, in order; joined with line breaks. */
	lines: string[];
	attachments?: Message['attachments'];
}

// Control characters (line breaks among them), line and paragraph separators, and the marks that
// reorder text (bidirectional overrides and isolates).
const CONTROLS = /[\p{Cc}\p{Zl}\p{Zp}\u200e\u200f\u202a-\u202e\u2066-\u2069]+/gu;

/**
 * What a person typed (a name, a description), fit to stand inside a line of an email: control
 * characters become one space, so a value can neither start lines of its own in the body nor
 * break the subject, nor reorder what the recipient reads.
 */
export function inline(value: string): string {
	return value.replace(CONTROLS, ' ').replace(/ {2,}/g, ' ').trim();
}

function cleaned(options?: TOptions): TOptions | undefined {
	if (!options) return options;
	return Object.fromEntries(
		Object.entries(options).map(([key, value]) => [
			key,
			typeof value === 'string' ? inline(value) : value
		])
	);
}

/**
 * Every email the app sends is written here: in the recipient's language (Spanish when the stored
 * one is unknown), plain text, one line per entry. `write` says what the message says; every value
 * it puts into a text is cleaned with `inline`, and so is the subject.
 */
export async function composeEmail(
	envelope: { kind: string; to: string; locale: string },
	write: (t: Translator['t'], lang: Locale) => Written | Promise<Written>
): Promise<Message> {
	const lang = isLocale(envelope.locale) ? envelope.locale : 'es';
	const { t } = await translator(lang);
	const safe: Translator['t'] = (key, options) => t(key, cleaned(options));
	const { subject, lines, attachments } = await write(safe, lang);
	return {
		kind: envelope.kind,
		to: envelope.to,
		subject: inline(subject),
		text: lines.join('\n'),
		...(attachments ? { attachments } : {})
	};
}
