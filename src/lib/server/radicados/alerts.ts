import { entityCalendar } from '$lib/content/non-working-days';
import { and, asc, inArray, lte, or, sql } from 'drizzle-orm';
import { entity } from '$lib/config/entity';
import { addBusinessDays, isBusinessDay, localDate, localTime } from '$lib/domain/calendar';
import { dateInWords } from '$lib/domain/dates-in-words';
import { clock } from '../clock';
import { config } from '../config';
import type { Database } from '../db';
import { generation } from '../db/generation';
import { petitionAlerts, radicados as table } from '../db/schema';
import { composeEmail } from '../email/compose';
import { enqueue } from '../email/outbox';
import { bandSql } from './standing';

/** Petitions due within this many business days are listed even while their band is lower. */
export const ALERT_DUE_WITHIN_DAYS = 2;

/** The morning list of petitions not assigned to a dependency goes to the notification address. */
export const UNASSIGNED = 'sin-dependencia';

interface Urgent {
	number: string;
	type: string;
	subject: string;
	dueDate: string;
	band: string;
	assignee: string | null;
}

function recipient(dependency: string): { name: string; email: string } | undefined {
	if (dependency === UNASSIGNED) {
		return { name: '', email: entity.contact.notificationsEmail };
	}
	return entity.dependencies.find((d) => d.id === dependency);
}

// The day this instance last went through the alerts (with the database's generation, which
// tests bump when they empty it): the rest of that day costs nothing.
let doneFor: string | undefined;

/**
 * Each business morning (from `entity.petitions.morningAlertsAt`, Bogotá), one email per dependency
 * listing its running petitions in band alta or critica and those due within 2 business days;
 * petitions without a dependency go to the entity's notification address. The (dependency, day)
 * row is claimed in the transaction that queues the email, so two instances, or two rounds of the
 * worker, send it once; a day with nothing urgent sends nothing.
 */
export async function sendMorningAlerts(db: Database): Promise<number> {
	const now = clock.now();
	const today = localDate(now);
	const round = `${generation.current()}|${today}`;
	if (doneFor === round) return 0;
	if (
		!isBusinessDay(today, entityCalendar.closed()) ||
		localTime(now) < entity.petitions.morningAlertsAt
	)
		return 0;
	const band = bandSql(today);
	const soon = addBusinessDays(today, ALERT_DUE_WITHIN_DAYS, entityCalendar.termsOff());
	const rows: (Urgent & { dependency: string | null })[] = await db
		.select({
			number: table.number,
			type: table.type,
			subject: table.subject,
			dueDate: table.dueDate,
			band,
			assignee: table.assignee,
			dependency: table.dependency
		})
		.from(table)
		.where(
			and(
				inArray(table.state, ['radicada', 'en_tramite']),
				or(lte(table.altaFrom, today), lte(table.dueDate, soon))
			)
		)
		.orderBy(asc(table.dueDate), asc(table.number));
	const byDependency = new Map<string, Urgent[]>();
	for (const row of rows) {
		const key = row.dependency ?? UNASSIGNED;
		byDependency.set(key, [...(byDependency.get(key) ?? []), row]);
	}
	let sent = 0;
	for (const [dependency, urgent] of byDependency) {
		const to = recipient(dependency);
		// A dependency removed from the profile still has petitions: the entity's address gets them.
		const address = to?.email ?? entity.contact.notificationsEmail;
		const name = to?.name ?? dependency;
		const message = await composeEmail(
			{ kind: 'radicado.morning', to: address, locale: 'es' },
			(t) => ({
				subject: t('desk:emails.morning.subject', {
					count: urgent.length,
					dependency: name || t('desk:emails.morning.unassigned')
				}),
				lines: [
					t('desk:emails.morning.intro', {
						count: urgent.length,
						date: dateInWords(today),
						dependency: name || t('desk:emails.morning.unassigned')
					}),
					'',
					...urgent.map((p) =>
						t('desk:emails.morning.item', {
							number: p.number,
							type: t(`pqrsd:types.${p.type}.name`),
							subject: p.subject,
							due: dateInWords(p.dueDate),
							band: t(`radicado:bands.${p.band}`),
							assignee: p.assignee ?? t('desk:emails.morning.nobody')
						})
					),
					'',
					t('desk:emails.morning.link', {
						link: `${config.origin}/staff/peticiones?dependency=${encodeURIComponent(
							dependency === UNASSIGNED ? 'none' : dependency
						)}`
					})
				]
			})
		);
		const queued = await db.transaction(async (tx) => {
			const claimed = await tx
				.insert(petitionAlerts)
				.values({ dependency, day: today, petitions: urgent.length, at: now })
				.onConflictDoNothing()
				.returning({ day: petitionAlerts.day });
			if (claimed.length === 0) return false;
			await enqueue(tx, message);
			return true;
		});
		if (queued) sent += 1;
	}
	doneFor = round;
	return sent;
}

/** Forgets the alerts' day marks after a month (they only guard the same day). */
export async function pruneAlerts(db: Database): Promise<void> {
	const before = localDate(new Date(clock.now().getTime() - 31 * 24 * 3600_000));
	await db.delete(petitionAlerts).where(sql`${petitionAlerts.day} < ${before}`);
}
