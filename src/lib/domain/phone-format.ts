// Apart from the rule in phone.ts, so the pages that show a number ship no phone metadata.

/**
 * "+57 300 123 4567" or "+57 605 123 4567", for reading aloud and on screen. Anything else (a
 * number stored before this rule) is shown as it was written.
 */
export function formatPhone(e164: string): string {
	if (!/^\+57\d{10}$/.test(e164)) return e164;
	const national = e164.replace(/^\+57/, '');
	return `+57 ${national.slice(0, 3)} ${national.slice(3, 6)} ${national.slice(6)}`;
}
