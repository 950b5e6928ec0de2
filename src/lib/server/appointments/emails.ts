import { dateInWords, timeInWords } from '$lib/domain/dates-in-words';
import { entity } from '$lib/config/entity';
import { checkPageUrl, videoLink } from '../calls/links';
import { config } from '../config';
import { composeEmail } from '../email/compose';
import { enqueue, type Message } from '../email/outbox';
import type { Transaction } from '../idempotency';
import { eq } from 'drizzle-orm';
import { appointments as table } from '../db/schema';
import { calendarFile, type CalendarAppointment } from './calendar';
import { issueToken, keptToken } from './tokens';

export type EmailKind = 'held' | 'confirmed' | 'changed' | 'cancelled' | 'reminder';

export interface EmailAppointment extends CalendarAppointment {
	name: string;
	/** Null for a booking with a phone only: nothing is emailed. */
	email: string | null;
	holdExpiresAt?: Date | null;
	callLanguage: string;
	interpreter: boolean;
	/** The manage token sealed (tokens.ts), for a link that works from every email. */
	manageTokenSealed?: string | null;
}

/** The link that confirms a held booking; its page asks for one press, so link scanners confirm nothing. */
export function confirmUrl(locale: string, reference: string, token: string): string {
	return `${config.origin}/${locale}/citas/confirmar/${reference}?clave=${encodeURIComponent(token)}`;
}

/** The manage link: the reference in the path, the token in the query (never logged). */
export function manageUrl(locale: string, reference: string, token?: string): string {
	const path = `${config.origin}/${locale}/citas/cita/${reference}`;
	return token ? `${path}?token=${encodeURIComponent(token)}` : path;
}

function dateValues(appointment: EmailAppointment) {
	return {
		reference: appointment.reference,
		name: appointment.name,
		date: dateInWords(appointment.start),
		time: timeInWords(appointment.start)
	};
}

/**
 * The email of a booking event in the citizen's language, with the calendar file attached, and
 * its manage link with the token, so it opens the appointment in one click. A held booking's email
 * leads with the link that confirms it (`confirmToken`) and the time it must be used by.
 */
export function appointmentEmail(
	kind: EmailKind,
	appointment: EmailAppointment & { email: string },
	token: string,
	confirmToken?: string
): Promise<Message> {
	const envelope = {
		kind: `appointment.${kind}`,
		to: appointment.email,
		locale: appointment.locale
	};
	return composeEmail(envelope, async (t, lang) => {
		const values = {
			...dateValues(appointment),
			deadline: appointment.holdExpiresAt ? timeInWords(appointment.holdExpiresAt) : '',
			minutes: entity.limits.booking.holdMinutes,
			url: confirmToken ? confirmUrl(lang, appointment.reference, confirmToken) : ''
		};
		const call =
			kind === 'cancelled'
				? []
				: [
						t('booking:email.link', { url: videoLink(appointment) }),
						'',
						// Before the call: the camera and microphone check (not again for a change).
						...(kind === 'changed'
							? []
							: [t('calls:email.check', { url: checkPageUrl(lang) }), '']),
						t('booking:rules.title'),
						`- ${t('booking:rules.early')}`,
						`- ${t('booking:rules.wait')}`,
						`- ${t('booking:rules.length')}`,
						`- ${t('booking:rules.failure')}`,
						''
					];
		// The language of the call, and the interpreter when one was asked for.
		const language =
			kind === 'cancelled'
				? []
				: [
						t('booking:email.language', {
							language: t(`booking:adjustments.languages.${appointment.callLanguage}`)
						}),
						...(appointment.interpreter ? [t('booking:appointment.interpreter')] : []),
						''
					];
		return {
			subject: t(`booking:email.${kind}.subject`, values),
			lines: [
				t('booking:email.greeting', values),
				'',
				t(`booking:email.${kind}.body`, values),
				'',
				...language,
				...call,
				t('booking:email.manage', { url: manageUrl(lang, appointment.reference, token) }),
				'',
				t('booking:email.signature')
			],
			attachments: [
				{
					filename: `${appointment.reference}.ics`,
					content: await calendarFile(appointment),
					contentType: 'text/calendar; charset=utf-8'
				}
			]
		};
	});
}

/** After a failed call: a fresh manage link to choose a new time for the same reference. */
export function rescheduleEmail(
	appointment: EmailAppointment & { email: string },
	token: string
): Promise<Message> {
	const envelope = {
		kind: 'appointment.reschedule_needed',
		to: appointment.email,
		locale: appointment.locale
	};
	return composeEmail(envelope, (t, lang) => {
		const values = {
			...dateValues(appointment),
			url: manageUrl(lang, appointment.reference, token)
		};
		return {
			subject: t('staff:email.reschedule.subject', values),
			lines: [t('staff:email.reschedule.text', values)]
		};
	});
}

/**
 * An appointment's email kept as what it will say, not as text: the outbox writes it
 * (`writeRecipe`) when it sends it, from the appointment as it was when queued. Writing it
 * (translations, dates in words, the calendar file) is a fifth of what a booking costs the
 * server; kept this way, the person booking does not wait for it. Subject and text stay empty in
 * the outbox until then.
 */
export interface EmailRecipe {
	kind: EmailKind;
	appointment: Omit<EmailAppointment, 'start' | 'holdExpiresAt' | 'email'> & {
		email: string;
		/** Text once kept (JSON). */
		start: Date | string;
		holdExpiresAt: Date | string | null;
	};
	token: string;
	confirmToken?: string;
}

/** The message to queue for an appointment's email, to be written when it is sent. */
export function emailToWrite(
	kind: EmailKind,
	appointment: EmailAppointment & { email: string },
	token: string,
	confirmToken?: string
): Message {
	const { id, reference, start, videoUrl, manageTokenHash, locale, sequence, status } = appointment;
	const { name, email, holdExpiresAt, callLanguage, interpreter } = appointment;
	return {
		kind: `appointment.${kind}`,
		to: email,
		subject: '',
		text: '',
		recipe: {
			kind,
			appointment: {
				...{ id, reference, start, videoUrl, manageTokenHash, locale, sequence, status },
				...{ name, email, holdExpiresAt: holdExpiresAt ?? null, callLanguage, interpreter }
			},
			token,
			...(confirmToken ? { confirmToken } : {})
		}
	};
}

/** The email a recipe says, written now. */
export function writeRecipe(recipe: EmailRecipe): Promise<Message> {
	const { start, holdExpiresAt } = recipe.appointment;
	return appointmentEmail(
		recipe.kind,
		{
			...recipe.appointment,
			start: new Date(start),
			holdExpiresAt: holdExpiresAt ? new Date(holdExpiresAt) : null
		},
		recipe.token,
		recipe.confirmToken
	);
}

/**
 * Queues the email of a booking event in the caller's transaction. Its manage link carries the
 * token the row keeps sealed; a row from before tokens were kept gets a new one here (its older
 * links stop working, the room's too, and this email carries the new ones). A booking with a phone
 * only gets none; nor does a hold nobody confirmed, beyond what the address's daily few allow.
 */
export async function queueEmail(
	tx: Transaction,
	kind: EmailKind,
	appointment: EmailAppointment & { status?: string }
): Promise<void> {
	const email = appointment.email;
	if (!email) return;
	const unconfirmed = { unconfirmed: appointment.status === 'held' };
	const kept = keptToken(appointment);
	if (kept) {
		await enqueue(tx, emailToWrite(kind, { ...appointment, email }, kept), unconfirmed);
		return;
	}
	const { token, ...fresh } = issueToken();
	await tx.update(table).set(fresh).where(eq(table.id, appointment.id));
	await enqueue(tx, emailToWrite(kind, { ...appointment, ...fresh, email }, token), unconfirmed);
}
