import { gte, sql } from 'drizzle-orm';
import { localDate } from '$lib/domain/calendar';
import type { Database } from '../db';
import { callbacks, surveys } from '../db/schema';

export interface MonthFigures {
	/** "YYYY-MM", a calendar month in Bogotá. */
	month: string;
	satisfaction: {
		answers: number;
		/** Mean of the 1–5 answers, one decimal; null without answers. */
		average: number | null;
		/** Share of answers of 4 or 5, in whole percent; null without answers. */
		satisfiedPercent: number | null;
	};
	callbacks: { requested: number; called: number; unreachable: number };
}

/** The last `count` months in Bogotá, oldest first, ending with the month of `now`. */
export function lastMonths(now: Date, count = 12): string[] {
	const [year, month] = localDate(now).split('-').map(Number) as [number, number];
	return Array.from({ length: count }, (_, i) => {
		const index = year * 12 + (month - 1) - (count - 1 - i);
		return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
	});
}

const bogotaMonth = (column: unknown) =>
	sql<string>`to_char(${column} at time zone 'America/Bogota', 'YYYY-MM')`;

/** The published figures, computed by SQL over the real tables for the last 12 months. */
export async function monthly(db: Database, now: Date): Promise<MonthFigures[]> {
	const months = lastMonths(now);
	const since = new Date(`${months[0]}-01T00:00:00-05:00`);

	const satisfaction = await db
		.select({
			month: bogotaMonth(surveys.createdAt),
			answers: sql<number>`count(*)::int`,
			average: sql<number>`round(avg(${surveys.rating})::numeric, 1)::float`,
			satisfied: sql<number>`(count(*) filter (where ${surveys.rating} >= 4))::int`
		})
		.from(surveys)
		.where(gte(surveys.createdAt, since))
		.groupBy(sql`1`);

	const calls = await db
		.select({
			month: bogotaMonth(callbacks.createdAt),
			requested: sql<number>`count(*)::int`,
			called: sql<number>`(count(*) filter (where ${callbacks.status} = 'called'))::int`,
			unreachable: sql<number>`(count(*) filter (where ${callbacks.status} = 'unreachable'))::int`
		})
		.from(callbacks)
		.where(gte(callbacks.createdAt, since))
		.groupBy(sql`1`);

	return months.map((month) => {
		const s = satisfaction.find((row) => row.month === month);
		const c = calls.find((row) => row.month === month);
		return {
			month,
			satisfaction: {
				answers: s?.answers ?? 0,
				average: s ? Number(s.average) : null,
				satisfiedPercent: s ? Math.round((100 * s.satisfied) / s.answers) : null
			},
			callbacks: {
				requested: c?.requested ?? 0,
				called: c?.called ?? 0,
				unreachable: c?.unreachable ?? 0
			}
		};
	});
}

export const indicators = { monthly };
