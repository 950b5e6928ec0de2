/**
 * Wayuunaiki writes the glottal stop with U+0027. Phones and word processors produce look-alikes
 * (U+2019, U+02BC, U+A78C, U+02BB, U+2018, U+00B4, U+0060, U+02B9, U+2032); fold them all.
 */
const GLOTTAL_LOOKALIKES = /[\u2019\u2018\u02BC\u02BB\uA78C\uA78B\u00B4\u0060\u02B9\u2032]/g;

export function normaliseGlottalStop(text: string): string {
	return text.replace(GLOTTAL_LOOKALIKES, "'");
}
