import { entity } from '$lib/config/entity';
import type { LocalDate } from '$lib/domain/calendar';
import { dateInWords } from '$lib/domain/dates-in-words';
import { config } from '../config';
import { composeEmail } from '../email/compose';
import { enqueue } from '../email/outbox';
import type { Transaction } from '../idempotency';
import type { Radicado } from './standing';

/** What the citizen is told, by kind; the values each kind's text needs. */
export type CitizenNews =
	| { kind: 'answered'; responseNumber: string; responseDate: LocalDate }
	| { kind: 'extended'; reason: string; dueDate: LocalDate }
	| { kind: 'forwarded'; entity: string; date: LocalDate }
	| { kind: 'completion'; reason: string; deadline: LocalDate }
	| { kind: 'withdrawn'; asked: LocalDate };

/** The look-up page of a petition, its number filled in: the code never travels by email. */
export function lookupLink(lang: string, number: string): string {
	return `${config.origin}/${lang}/radicado?numero=${number}`;
}

/**
 * Tells the petitioner, in their language, what happened to their petition, when they left an
 * email address; written in the caller's transaction. Never the security code.
 */
export async function tellCitizen(
	tx: Transaction,
	row: Radicado,
	news: CitizenNews
): Promise<void> {
	const to = row.identity === 'anonymous' ? undefined : row.petitioner?.email;
	if (!to) return;
	const message = await composeEmail(
		{ kind: `radicado.${news.kind}`, to, locale: row.lang },
		(t) => {
			const values = {
				number: row.number,
				link: lookupLink(row.lang, row.number),
				...Object.fromEntries(
					Object.entries(news).map(([key, value]) => [
						key,
						/^\d{4}-\d{2}-\d{2}$/.test(String(value)) ? dateInWords(String(value)) : value
					])
				)
			};
			return {
				subject: t(`radicado:emails.${news.kind}.subject`, values),
				lines: [t(`radicado:emails.${news.kind}.text`, values)]
			};
		}
	);
	await enqueue(tx, message);
}

/** The console page of a petition, for the entity's own emails. */
export function consoleLink(number: string): string {
	return `${config.origin}/staff/peticiones/${number}`;
}

/**
 * Announces a new petition to the entity's notification address: what it is and when it is due,
 * never who filed it.
 */
export async function announceFiling(tx: Transaction, row: Radicado): Promise<void> {
	const message = await composeEmail(
		{ kind: 'radicado.new', to: entity.contact.notificationsEmail, locale: 'es' },
		(t) => {
			const values = {
				number: row.number,
				type: t(`pqrsd:types.${row.type}.name`),
				subject: row.subject,
				channel: t(`desk:channels.${row.channel}`),
				due: dateInWords(row.dueDate),
				term: row.termDays,
				link: consoleLink(row.number)
			};
			return {
				subject: t('desk:emails.new.subject', values),
				lines: [t('desk:emails.new.text', values)]
			};
		}
	);
	await enqueue(tx, message);
}
