import { entityCalendar } from '$lib/content/non-working-days';
import { stringify } from 'csv-stringify/sync';
import { and, gte, inArray, lt, sql } from 'drizzle-orm';
import { entity } from '$lib/config/entity';
import { businessDaysBetween, instantAt, localDate, TIME_ZONE } from '$lib/domain/calendar';
import { PETITION_CHANNELS, type PetitionChannel } from '$lib/domain/petitions';
import { PETITION_TYPES, type PetitionType } from '$lib/domain/terms';
import type { Database } from '../db';
import { appointments, callbacks, radicados, surveys } from '../db/schema';

/** Petitions of no dependency are counted under this key. */
export const NO_DEPENDENCY = 'none';

export interface PetitionFigures {
	filed: number;
	answered: number;
	/** Answered on or before the due date (moved by an extension when there was one). */
	answeredOnTime: number;
}

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
	/** `expiredHolds`: booked with an email and never confirmed through its link (the place came back). */
	appointments: { booked: number; attended: number; noShow: number; expiredHolds: number };
	petitions: PetitionFigures & {
		/** Mean business days from filing to answer, one decimal; null when none was answered. */
		averageBusinessDaysToAnswer: number | null;
		/** Answered with an answer template (first level, the goal: within 2 days). */
		firstLevel: { answered: number; averageBusinessDays: number | null };
		byType: Record<PetitionType, PetitionFigures>;
		byChannel: Record<PetitionChannel, PetitionFigures>;
		/** By dependency id of the entity profile, and `none`. */
		byDependency: Record<string, PetitionFigures>;
	};
}

/** What stands right now, beside the months. */
export interface CurrentFigures {
	/** Petitions still open whose due date has passed (a pause stops the count, so those are out). */
	openPastTerm: number;
	openPastTermByDependency: Record<string, number>;
}

/** Every dependency of the entity profile, then `none`: the keys of `byDependency`. */
export const DEPENDENCY_KEYS = [...entity.dependencies.map((d) => d.id), NO_DEPENDENCY];

/** The mean, one decimal; null for no values. */
function mean(values: number[]): number | null {
	return values.length
		? Math.round((10 * values.reduce((a, b) => a + b, 0)) / values.length) / 10
		: null;
}

/** The last `count` months in Bogotá, oldest first, ending with the month of `now`. */
export function lastMonths(now: Date, count = 12): string[] {
	const [year, month] = localDate(now).split('-').map(Number) as [number, number];
	return Array.from({ length: count }, (_, i) => {
		const index = year * 12 + (month - 1) - (count - 1 - i);
		return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
	});
}

function nextMonth(month: string): string {
	const [year = 0, m = 1] = month.split('-').map(Number);
	return m === 12 ? `${year + 1}-01` : `${year}-${String(m + 1).padStart(2, '0')}`;
}

const localMonth = (column: unknown) =>
	sql<string>`to_char(${column} at time zone ${TIME_ZONE}, 'YYYY-MM')`;

/** The published figures, computed by SQL over the real tables for the last 12 months. */
export async function monthly(db: Database, now: Date): Promise<MonthFigures[]> {
	const months = lastMonths(now);
	const since = instantAt(`${months[0]}-01`, '00:00');

	const satisfaction = await db
		.select({
			month: localMonth(surveys.createdAt),
			answers: sql<number>`count(*)::int`,
			average: sql<number>`round(avg(${surveys.rating})::numeric, 1)::float`,
			satisfied: sql<number>`(count(*) filter (where ${surveys.rating} >= 4))::int`
		})
		.from(surveys)
		.where(gte(surveys.createdAt, since))
		.groupBy(sql`1`);

	const calls = await db
		.select({
			month: localMonth(callbacks.createdAt),
			requested: sql<number>`count(*)::int`,
			called: sql<number>`(count(*) filter (where ${callbacks.status} = 'called'))::int`,
			unreachable: sql<number>`(count(*) filter (where ${callbacks.status} = 'unreachable'))::int`
		})
		.from(callbacks)
		.where(gte(callbacks.createdAt, since))
		.groupBy(sql`1`);

	const until = instantAt(`${nextMonth(months.at(-1)!)}-01`, '00:00');
	const visits = await db
		.select({
			month: localMonth(appointments.start),
			booked: sql<number>`(count(*) filter (where ${appointments.status} not in ('cancelled', 'held', 'expired')))::int`,
			attended: sql<number>`(count(*) filter (where ${appointments.status} = 'attended'))::int`,
			noShow: sql<number>`(count(*) filter (where ${appointments.status} = 'no_show'))::int`,
			expiredHolds: sql<number>`(count(*) filter (where ${appointments.status} = 'expired'))::int`
		})
		.from(appointments)
		.where(and(gte(appointments.start, since), lt(appointments.start, until)))
		.groupBy(sql`1`);

	// Each petition with its answer date and its effective due date; business days need the
	// holiday calendar, so the last step happens here rather than in SQL.
	const filed = await db
		.select({
			type: radicados.type,
			channel: radicados.channel,
			dependency: radicados.dependency,
			filedAt: radicados.filedAt,
			dueDate: radicados.dueDate,
			// Qualified names: inside the subqueries both tables have an "id".
			extendedTo: sql<string | null>`(select max(e.new_due_date)::text from radicado_events e
				where e.radicado_id = "radicados"."id" and e.kind = 'ampliacion_de_plazo')`,
			answeredOn: sql<string | null>`(select min(coalesce(e.response_date,
				(e.at at time zone ${TIME_ZONE})::date))::text from radicado_events e
				where e.radicado_id = "radicados"."id" and e.kind = 'respondida')`,
			firstLevel: sql<boolean | null>`(select r.template_id is not null from radicado_responses r
				where r.radicado_id = "radicados"."id" order by r.at limit 1)`
		})
		.from(radicados)
		.where(gte(radicados.filedAt, since));

	return months.map((month) => {
		const s = satisfaction.find((row) => row.month === month);
		const c = calls.find((row) => row.month === month);
		const v = visits.find((row) => row.month === month);
		const zero = (keys: readonly string[]) =>
			Object.fromEntries(keys.map((key) => [key, { filed: 0, answered: 0, answeredOnTime: 0 }]));
		const byType = zero(PETITION_TYPES) as Record<PetitionType, PetitionFigures>;
		const byChannel = zero(PETITION_CHANNELS) as Record<PetitionChannel, PetitionFigures>;
		const byDependency: Record<string, PetitionFigures> = zero(DEPENDENCY_KEYS);
		const days: number[] = [];
		const firstLevelDays: number[] = [];
		for (const p of filed.filter((row) => localDate(row.filedAt).slice(0, 7) === month)) {
			const figures = byType[p.type as PetitionType];
			if (!figures) continue;
			const dependency = p.dependency ?? NO_DEPENDENCY;
			byDependency[dependency] ??= { filed: 0, answered: 0, answeredOnTime: 0 };
			const counted = [figures, byChannel[p.channel], byDependency[dependency]!];
			for (const f of counted) f.filed += 1;
			if (!p.answeredOn) continue;
			const answeredOn = String(p.answeredOn).slice(0, 10);
			const due = String(p.dueDate).slice(0, 10);
			const extended = p.extendedTo ? String(p.extendedTo).slice(0, 10) : due;
			const onTime = answeredOn <= (extended > due ? extended : due);
			for (const f of counted) {
				f.answered += 1;
				if (onTime) f.answeredOnTime += 1;
			}
			const taken = businessDaysBetween(
				localDate(p.filedAt),
				answeredOn,
				entityCalendar.termsOff()
			);
			days.push(taken);
			if (p.firstLevel) firstLevelDays.push(taken);
		}
		const totals = Object.values(byType).reduce(
			(sum, f) => ({
				filed: sum.filed + f.filed,
				answered: sum.answered + f.answered,
				answeredOnTime: sum.answeredOnTime + f.answeredOnTime
			}),
			{ filed: 0, answered: 0, answeredOnTime: 0 }
		);
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
			},
			appointments: {
				booked: v?.booked ?? 0,
				attended: v?.attended ?? 0,
				noShow: v?.noShow ?? 0,
				expiredHolds: v?.expiredHolds ?? 0
			},
			petitions: {
				...totals,
				averageBusinessDaysToAnswer: mean(days),
				firstLevel: { answered: firstLevelDays.length, averageBusinessDays: mean(firstLevelDays) },
				byType,
				byChannel,
				byDependency
			}
		};
	});
}

/** Petitions still open past their due date now, in all and by dependency. */
export async function current(db: Database, now: Date): Promise<CurrentFigures> {
	const rows = await db
		.select({ dependency: radicados.dependency, count: sql<number>`count(*)::int` })
		.from(radicados)
		.where(
			and(
				inArray(radicados.state, ['radicada', 'en_tramite']),
				lt(radicados.dueDate, localDate(now))
			)
		)
		.groupBy(radicados.dependency);
	const byDependency: Record<string, number> = Object.fromEntries(
		DEPENDENCY_KEYS.map((key) => [key, 0])
	);
	for (const row of rows) byDependency[row.dependency ?? NO_DEPENDENCY] = Number(row.count);
	return {
		openPastTerm: rows.reduce((sum, row) => sum + Number(row.count), 0),
		openPastTermByDependency: byDependency
	};
}

/** The columns of the CSV download, in order; their headings come from `indicators:csv.*`. */
export const CSV_COLUMNS = [
	'month',
	'surveyAnswers',
	'satisfactionAverage',
	'satisfiedPercent',
	'callbacksRequested',
	'callbacksMade',
	'callbacksUnreachable',
	'appointmentsBooked',
	'appointmentsAttended',
	'appointmentsNoShow',
	'appointmentsExpiredHolds',
	'petitionsFiled',
	'petitionsAnswered',
	'petitionsAnsweredOnTime',
	'averageBusinessDaysToAnswer',
	'petitionsAnsweredFirstLevel',
	'averageBusinessDaysFirstLevel'
] as const;
export type CsvColumn = (typeof CSV_COLUMNS)[number];

/**
 * The figures as CSV (RFC 4180, CRLF line ends), one row a month. A heading or cell with a comma,
 * a quote or a line break is quoted, so a translated heading cannot shift the columns.
 */
export function toCsv(months: MonthFigures[], heading: (column: CsvColumn) => string): string {
	const rows = months.map((m) => [
		m.month,
		m.satisfaction.answers,
		m.satisfaction.average,
		m.satisfaction.satisfiedPercent,
		m.callbacks.requested,
		m.callbacks.called,
		m.callbacks.unreachable,
		m.appointments.booked,
		m.appointments.attended,
		m.appointments.noShow,
		m.appointments.expiredHolds,
		m.petitions.filed,
		m.petitions.answered,
		m.petitions.answeredOnTime,
		m.petitions.averageBusinessDaysToAnswer,
		m.petitions.firstLevel.answered,
		m.petitions.firstLevel.averageBusinessDays
	]);
	// A lone line feed ends a row for spreadsheet programs too: quote it as well.
	return stringify([CSV_COLUMNS.map(heading), ...rows], {
		record_delimiter: 'windows',
		quoted_match: /[\r\n]/
	});
}

export const indicators = { monthly, current, toCsv };
