import { and, asc, eq, getTableColumns, ilike, isNull, or, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { formatInstant, localDate } from '$lib/domain/calendar';
import {
	isOpen,
	PETITION_CHANNELS,
	PETITION_STATES,
	RUNNING_BANDS,
	type PetitionChannel,
	type PetitionState,
	type RunningBand
} from '$lib/domain/petitions';
import { normaliseRadicado } from '$lib/domain/radicado-number';
import { PETITION_TYPES, type Band, type PetitionType } from '$lib/domain/terms';
import { clock } from '../clock';
import type { Database } from '../db';
import { radicados as table } from '../db/schema';
import { bandSql, standingOf } from './standing';

export const PAGE_SIZE = 25;

/** "" from a form's "all" option means no filter. */
const optional = <T extends z.ZodType>(schema: T) =>
	z.preprocess((value) => (value === '' ? undefined : value), schema.optional());

/** Filters of the queue, from the page's query string and the API's alike. */
export const queueSchema = z.object({
	band: optional(z.enum(RUNNING_BANDS, { error: 'desk:errors.filter' })),
	state: optional(z.enum(PETITION_STATES, { error: 'desk:errors.filter' })),
	type: optional(z.enum(PETITION_TYPES, { error: 'desk:errors.filter' })),
	/** A dependency's id, or "none" for petitions not yet assigned to one. */
	dependency: optional(z.string().trim().max(80, { error: 'desk:errors.filter' })),
	/** An official's email, or "none" for petitions nobody works yet. */
	assignee: optional(z.string().trim().max(254, { error: 'desk:errors.filter' })),
	channel: optional(z.enum(PETITION_CHANNELS, { error: 'desk:errors.filter' })),
	/** A radicado number, or words of the subject. */
	q: optional(z.string().trim().max(200, { error: 'desk:errors.tooLong' })),
	page: optional(
		z.coerce
			.number({ error: 'desk:errors.page' })
			.int({ error: 'desk:errors.page' })
			.min(1, { error: 'desk:errors.page' })
			.max(100_000, { error: 'desk:errors.page' })
	)
});
export type QueueFilters = z.infer<typeof queueSchema>;

export interface QueueItem {
	number: string;
	type: PetitionType;
	subject: string;
	filedAt: string;
	dueDate: string;
	band: Band;
	state: PetitionState;
	/** Business days used of the term, for a petition still open. */
	elapsedBusinessDays: number | null;
	termDays: number | null;
	dependency: string | null;
	assignee: string | null;
	channel: PetitionChannel;
}

export interface Queue {
	items: QueueItem[];
	/** Open petitions per band, under every filter but the band. */
	counts: Record<RunningBand, number>;
	total: number;
	page: number;
	pages: number;
	pageSize: number;
}

/** "%" and "_" typed by an official are letters, not wildcards. */
const likeText = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

function conditions(filters: QueueFilters): SQL[] {
	const where: SQL[] = [];
	if (filters.state) where.push(eq(table.state, filters.state));
	// Written out, as the partial index says it, so the planner knows the index applies.
	else where.push(sql`${table.state} in ('radicada', 'en_tramite', 'por_completar')`);
	if (filters.type) where.push(eq(table.type, filters.type));
	if (filters.channel) where.push(eq(table.channel, filters.channel));
	if (filters.dependency) {
		where.push(
			filters.dependency === 'none'
				? isNull(table.dependency)
				: eq(table.dependency, filters.dependency)
		);
	}
	if (filters.assignee) {
		where.push(
			filters.assignee === 'none' ? isNull(table.assignee) : eq(table.assignee, filters.assignee)
		);
	}
	if (filters.q) {
		const number = normaliseRadicado(filters.q);
		where.push(
			number
				? eq(table.number, number)
				: or(ilike(table.subject, likeText(filters.q)), ilike(table.number, likeText(filters.q)))!
		);
	}
	return where;
}

/**
 * The petitions desk: petitions not yet answered (or those of one state), the first due first,
 * with their band as the citizen sees it, counts per band, filters and pages. Two queries whatever
 * the size of the table: the bands come from dates kept with each petition (standing.ts).
 */
export async function queue(db: Database, filters: QueueFilters): Promise<Queue> {
	const now = clock.now();
	const today = localDate(now);
	const band = bandSql(today);
	const where = conditions(filters);
	const openOnly = !filters.state || isOpen(filters.state);

	const grouped = openOnly
		? await db
				.select({ band: band.as('band'), count: sql<number>`count(*)::int` })
				.from(table)
				.where(and(...where))
				.groupBy(sql`1`)
		: [];
	const counts = Object.fromEntries(
		RUNNING_BANDS.map((b) => [b, Number(grouped.find((g) => g.band === b)?.count ?? 0)])
	) as Record<RunningBand, number>;

	let total: number;
	if (!openOnly) {
		const [row] = await db
			.select({ count: sql<number>`count(*)::int` })
			.from(table)
			.where(and(...where));
		total = filters.band ? 0 : Number(row?.count ?? 0);
	} else {
		total = filters.band ? counts[filters.band] : RUNNING_BANDS.reduce((n, b) => n + counts[b], 0);
	}
	const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
	const page = Math.min(filters.page ?? 1, pages);

	const rows =
		total === 0
			? []
			: await db
					.select({ ...getTableColumns(table), band })
					.from(table)
					.where(and(...where, ...(filters.band ? [sql`${band} = ${filters.band}`] : [])))
					.orderBy(asc(table.dueDate), asc(table.number))
					.limit(PAGE_SIZE)
					.offset((page - 1) * PAGE_SIZE);

	const items = rows.map((row): QueueItem => {
		const standing = standingOf(row, [], now);
		const open = isOpen(row.state);
		return {
			number: row.number,
			type: row.type as PetitionType,
			subject: row.subject,
			filedAt: formatInstant(row.filedAt),
			dueDate: row.dueDate,
			// The band the filter and the counts used; a closed petition's is its end.
			band: open ? (row.band as Band) : standing.band,
			state: row.state,
			elapsedBusinessDays: open ? standing.elapsed : null,
			termDays: open ? standing.termDays : null,
			dependency: row.dependency,
			assignee: row.assignee,
			channel: row.channel
		};
	});
	return { items, counts, total, page, pages, pageSize: PAGE_SIZE };
}
