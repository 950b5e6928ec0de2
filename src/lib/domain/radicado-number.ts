/**
 * Radicado numbers: "1-2026-000123" — 1 for incoming mail, the filing year, and a sequence that
 * starts again at 1 each year (at least six digits). Answers leave with "2-2026-000045" (2 for
 * outgoing mail) from a sequence of their own.
 */
export interface RadicadoNumber {
	year: number;
	sequence: number;
}

const PATTERN = /^1-(\d{4})-(\d{6,9})$/;

export function formatRadicado({ year, sequence }: RadicadoNumber, direction: 1 | 2 = 1): string {
	return `${direction}-${year}-${String(sequence).padStart(6, '0')}`;
}

/** Reads a number as people type it: spaces removed, any dash look-alike accepted. */
export function parseRadicado(input: string): RadicadoNumber | null {
	const text = input
		.trim()
		.replace(/\s+/g, '')
		.replace(/[‐‑‒–—−_]/g, '-');
	const match = PATTERN.exec(text);
	if (!match) return null;
	const year = Number(match[1]);
	const sequence = Number(match[2]);
	if (sequence < 1 || year < 2000) return null;
	return { year, sequence };
}

/** The canonical spelling of a typed number, or null when it cannot be one. */
export function normaliseRadicado(input: string): string | null {
	const parsed = parseRadicado(input);
	return parsed ? formatRadicado(parsed) : null;
}
