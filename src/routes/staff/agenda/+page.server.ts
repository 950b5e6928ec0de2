import { z } from 'zod';
import { dateInWords, nearDayInWords, timeInWords } from '$lib/domain/dates-in-words';
import { addDays, localDate } from '$lib/domain/calendar';
import { bookableServices } from '$lib/content/services';
import { appointments, OUTCOMES } from '$lib/server/appointments';
import { calls } from '$lib/server/calls';
import { clock } from '$lib/server/clock';
import { database } from '$lib/server/db';
import { translator } from '$lib/i18n/translator';
import { failWith } from '$lib/server/web/forms';
import { signedIn } from '$lib/server/web/staff';
import type { Actions, PageServerLoad } from './$types';

const dateSchema = z.iso.date();

export const load: PageServerLoad = async ({ locals, url }) => {
	signedIn(locals, url);
	const now = clock.now();
	const today = localDate(now);
	const asked = url.searchParams.get('fecha');
	const date = asked && dateSchema.safeParse(asked).success ? asked : today;
	const names = new Map(bookableServices().map((s) => [s.slug, s.name]));
	const db = await database();
	const items = await appointments.agenda(db, date);
	// The call room's join log beside each appointment: who entered, and when.
	const logs = await calls.joinLogs(
		db,
		items.map((item) => item.reference)
	);
	return {
		expiredHolds: await appointments.expiredOn(db, date),
		date,
		today,
		dateInWords: dateInWords(date),
		previous: addDays(date, -1),
		next: addDays(date, 1),
		dateInvalid: asked !== null && asked !== date,
		now: now.toISOString(),
		appointments: items.map((item) => ({
			...item,
			topicName: names.get(item.topic) ?? item.topic,
			startTime: timeInWords(new Date(item.start)),
			endTime: timeInWords(new Date(item.end)),
			joinTime: timeInWords(new Date(item.outcomesFrom.attended)),
			noShowTime: timeInWords(new Date(item.outcomesFrom.no_show)),
			heldUntil: item.holdExpiresAt ? timeInWords(new Date(item.holdExpiresAt)) : null,
			day: dateInWords(new Date(item.start)),
			// "Empieza el jueves 3 a las 10:00 a. m." (or "hoy") when the start is over an hour away.
			startDay:
				localDate(new Date(item.start)) === today
					? null
					: nearDayInWords(new Date(item.start), now),
			joinLog: (logs.get(item.reference) ?? []).map((entry) => ({
				role: entry.role,
				joined: timeInWords(new Date(entry.joinedAt)),
				left: entry.leftAt ? timeInWords(new Date(entry.leftAt)) : null,
				present: entry.present
			}))
		}))
	};
};

const outcomeForm = z.object({
	reference: z.string().min(1).max(40),
	outcome: z.enum(OUTCOMES)
});

const personForm = z.object({ reference: z.string().min(1).max(40) });

export const actions: Actions = {
	/** "Ver datos de la persona": shows one appointment's phone, document and case, audited. */
	person: async ({ locals, url, request }) => {
		const user = signedIn(locals, url);
		const parsed = personForm.safeParse(Object.fromEntries(await request.formData()));
		if (!parsed.success) return { person: null };
		const { reference } = parsed.data;
		try {
			const person = await appointments.openPerson(await database(), reference, user, 'agenda');
			return { person: { reference, ...person } };
		} catch (caught) {
			return failWith(caught, (await translator('es')).t, { field: `person-${reference}` });
		}
	},
	outcome: async ({ locals, url, request }) => {
		const user = signedIn(locals, url);
		const parsed = outcomeForm.safeParse(Object.fromEntries(await request.formData()));
		if (!parsed.success) return { recorded: null };
		const { reference, outcome } = parsed.data;
		try {
			await appointments.recordOutcome(await database(), reference, outcome, user);
			return { recorded: { reference, outcome } };
		} catch (caught) {
			return failWith(caught, (await translator('es')).t, { field: `outcome-${reference}` });
		}
	}
};
