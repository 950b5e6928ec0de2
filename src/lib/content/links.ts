/**
 * Content text may link to a page of this app, written as "[haga un reclamo aquí](pqrsd?tipo=reclamo)":
 * the words in brackets, then the page without its language, in parentheses. Pages show a link;
 * audio, readability checks and the API read only the words.
 */
const LINK = /\[([^\]]+)\]\(([^)\s]+)\)/g;

export type TextPart = { text: string; page?: string };

/** The text cut into plain parts and links (with their page), in order. */
export function textParts(text: string): TextPart[] {
	const parts: TextPart[] = [];
	let last = 0;
	for (const match of text.matchAll(LINK)) {
		if (match.index > last) parts.push({ text: text.slice(last, match.index) });
		parts.push({ text: match[1]!, page: match[2]! });
		last = match.index + match[0].length;
	}
	if (last < text.length) parts.push({ text: text.slice(last) });
	return parts;
}

/** The words a reader hears: the text without its link markup. */
export function plainText(text: string): string {
	return text.replace(LINK, '$1');
}

/** A field's text as `check:content` reads it: line by line, trimmed, links as their words. */
export function plainLines(text: string): string {
	return text
		.split(/\r?\n/)
		.map((line) => line.trim())
		.filter(Boolean)
		.map(plainText)
		.join('\n');
}
