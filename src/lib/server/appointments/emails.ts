import { dateInWords, timeInWords } from '$lib/domain/appointments';
import { isLocale } from '$lib/i18n/locales';
import { translator } from '$lib/i18n/translator';
import { checkPageUrl, videoLink } from '../calls/links';
import { config } from '../config';
import { enqueue, type Message } from '../email/outbox';
import type { Transaction } from '../idempotency';
import { calendarFile, type CalendarAppointment } from './calendar';

export type EmailKind = 'confirmed' | 'changed' | 'cancelled' | 'reminder';

export interface EmailAppointment extends CalendarAppointment {
	name: string;
	email: string;
}

export function origin(): string {
	return config.origin ?? `http://localhost:${process.env.PORT ?? 3000}`;
}

/** The manage link: the reference in the path, the token in the query (never logged). */
export function manageUrl(locale: string, reference: string, token?: string): string {
	const path = `${origin()}/${locale}/citas/cita/${reference}`;
	return token ? `${path}?token=${encodeURIComponent(token)}` : path;
}

/** Queues the email of a booking event in the caller's transaction. */
export async function queueEmail(
	tx: Transaction,
	kind: EmailKind,
	appointment: EmailAppointment,
	token?: string
): Promise<void> {
	await enqueue(tx, await composeEmail(kind, appointment, token));
}

/**
 * The email of a booking event in the citizen's language, with the calendar file attached.
 * The manage link carries the token only when it is known (right after booking).
 */
export async function composeEmail(
	kind: EmailKind,
	appointment: EmailAppointment,
	token?: string
): Promise<Message> {
	const locale = isLocale(appointment.locale) ? appointment.locale : 'es';
	const { t } = await translator(locale);
	const values = {
		reference: appointment.reference,
		name: appointment.name,
		date: dateInWords(appointment.start),
		time: timeInWords(appointment.start)
	};
	const lines = [
		t('booking:email.greeting', values),
		'',
		t(`booking:email.${kind}.body`, values),
		''
	];
	if (kind !== 'cancelled') {
		lines.push(t('booking:email.link', { url: videoLink(appointment) }), '');
		// Touch point (calls): the camera and microphone check, before the call.
		if (kind !== 'changed') lines.push(t('calls:email.check', { url: checkPageUrl(locale) }), '');
		lines.push(
			t('booking:rules.title'),
			`- ${t('booking:rules.early')}`,
			`- ${t('booking:rules.wait')}`,
			`- ${t('booking:rules.length')}`,
			`- ${t('booking:rules.failure')}`,
			''
		);
	}
	lines.push(
		t('booking:email.manage', { url: manageUrl(locale, appointment.reference, token) }),
		'',
		t('booking:email.signature')
	);
	const message: Message = {
		kind: `appointment.${kind}`,
		to: appointment.email,
		subject: t(`booking:email.${kind}.subject`, values),
		text: lines.join('\n'),
		attachments: [
			{
				filename: `${appointment.reference}.ics`,
				content: await calendarFile(appointment),
				contentType: 'text/calendar; charset=utf-8'
			}
		]
	};
	return message;
}
