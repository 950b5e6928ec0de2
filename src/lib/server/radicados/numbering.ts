import { sql } from 'drizzle-orm';
import { formatRadicado } from '$lib/domain/radicado-number';
import { radicadoSequences, responseSequences } from '../db/schema';
import type { Transaction } from '../idempotency';

/**
 * The next number of a year, "1-YYYY-NNNNNN". The row lock taken here is held until commit, so
 * concurrent filings queue; a rollback undoes the increment too: no gaps, no repeats.
 */
export async function nextNumber(
	tx: Transaction,
	year: number
): Promise<{ number: string; sequence: number }> {
	const [row] = await tx
		.insert(radicadoSequences)
		.values({ year, last: 1 })
		.onConflictDoUpdate({
			target: radicadoSequences.year,
			set: { last: sql`${radicadoSequences.last} + 1` }
		})
		.returning({ last: radicadoSequences.last });
	const sequence = row!.last;
	return { number: formatRadicado({ year, sequence }), sequence };
}

/** The next number of an outgoing answer, "2-YYYY-NNNNNN", gap-free in the same way. */
export async function nextResponseNumber(tx: Transaction, year: number): Promise<string> {
	const [row] = await tx
		.insert(responseSequences)
		.values({ year, last: 1 })
		.onConflictDoUpdate({
			target: responseSequences.year,
			set: { last: sql`${responseSequences.last} + 1` }
		})
		.returning({ last: responseSequences.last });
	return formatRadicado({ year, sequence: row!.last }, 2);
}
