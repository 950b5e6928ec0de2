import { acronymExpansions } from '$lib/content/glossary';
import { plainLines } from '$lib/content/links';
import { channelText, glossaryText, plainLanguage, serviceText } from '$lib/content/quality';
import { belowBar, type Hint } from '$lib/domain/plain-language';
import type { FieldError } from '../errors';
import type { Kind, Value } from './values';

/**
 * The content studio's page form for each kind, and back: field names are the value's paths with
 * dashes (`es-goodFor`, `availability-opens`), lists are one line each. What the form does not
 * show (a channel's page, a service's online start) is kept from the value being edited.
 */
export type FormFields = Record<string, string | string[]>;

const one = (fields: FormFields, name: string): string => {
	const value = fields[name];
	return (Array.isArray(value) ? (value[0] ?? '') : (value ?? '')).trim();
};
const optional = (fields: FormFields, name: string) => one(fields, name) || undefined;
const all = (fields: FormFields, name: string): string[] => {
	const value = fields[name];
	return value === undefined ? [] : Array.isArray(value) ? value : [value];
};
const lines = (fields: FormFields, name: string): string[] =>
	one(fields, name)
		.split(/\r?\n/)
		.map((line) => line.trim())
		.filter(Boolean);
const optionalLines = (fields: FormFields, name: string) => {
	const list = lines(fields, name);
	return list.length ? list : undefined;
};
const yes = (fields: FormFields, name: string) => one(fields, name) === 'yes';
/** A number as typed; what is not a whole number goes on as text, for the schema to refuse. */
const whole = (fields: FormFields, name: string): unknown =>
	/^\d+$/.test(one(fields, name)) ? Number(one(fields, name)) : one(fields, name);

export function valueFromForm(
	kind: Kind,
	fields: FormFields,
	base: Record<string, unknown>
): unknown {
	switch (kind) {
		case 'channel': {
			const { contact } = base as Value<'channel'>;
			const from = one(fields, 'availability-pause-from');
			const until = one(fields, 'availability-pause-until');
			return {
				availability:
					one(fields, 'availability') === 'always'
						? { always: true }
						: {
								days: all(fields, 'availability-days').map(Number),
								opens: one(fields, 'availability-opens'),
								closes: one(fields, 'availability-closes'),
								...(from || until ? { pause: { from, until } } : {}),
								closedOnHolidays: yes(fields, 'availability-closedOnHolidays')
							},
				contact: {
					address: optional(fields, 'contact-address'),
					city: optional(fields, 'contact-city'),
					phones: optionalLines(fields, 'contact-phones'),
					email: optional(fields, 'contact-email'),
					page: contact.page
				},
				es: {
					name: one(fields, 'es-name'),
					goodFor: one(fields, 'es-goodFor'),
					phoneLabels: optionalLines(fields, 'es-phoneLabels'),
					note: optional(fields, 'es-note')
				}
			};
		}
		case 'service': {
			const { online, petitionType } = base as Value<'service'>;
			return {
				kind: one(fields, 'kind'),
				segments: all(fields, 'segments'),
				bookable: yes(fields, 'bookable'),
				responseDays: whole(fields, 'responseDays'),
				free: yes(fields, 'free'),
				channels: all(fields, 'channels'),
				online,
				petitionType,
				es: {
					name: one(fields, 'es-name'),
					summary: one(fields, 'es-summary'),
					who: one(fields, 'es-who'),
					requirements: lines(fields, 'es-requirements'),
					steps: lines(fields, 'es-steps'),
					cost: one(fields, 'es-cost'),
					keywords: lines(fields, 'es-keywords')
				}
			};
		}
		case 'glossary':
			return {
				acronym: optional(fields, 'acronym'),
				es: { term: one(fields, 'es-term'), definition: one(fields, 'es-definition') }
			};
		case 'calendar': {
			// One change at a time: a day to take off the list, or a day to add to it.
			const { days } = base as Value<'calendar'>;
			const removed = one(fields, 'remove');
			if (removed) return { days: days.filter((day) => day.date !== removed) };
			return { days: [dayFromForm(fields), ...days] };
		}
		case 'charter': {
			// The sections stay those of the value being edited, in its order; their texts change.
			const { sections } = base as Value<'charter'>;
			return {
				version: one(fields, 'version'),
				validFrom: one(fields, 'validFrom'),
				validUntil: one(fields, 'validUntil'),
				summary: { title: one(fields, 'summary-title'), items: lines(fields, 'summary-items') },
				sections: sections.map((section, index) => ({
					id: section.id,
					es: {
						title: one(fields, `sections-${index}-es-title`),
						intro: one(fields, `sections-${index}-es-intro`),
						items: lines(fields, `sections-${index}-es-items`)
					}
				}))
			};
		}
	}
}

/**
 * The day a non-working day form adds, its date from three fields (GOV.UK's date input); a date
 * that is not whole numbers goes on as blank, for the schema to refuse.
 */
function dayFromForm(fields: FormFields) {
	const [day, month, year] = ['date-day', 'date-month', 'date-year'].map((name) =>
		one(fields, name)
	);
	const whole = /^\d{1,2}$/.test(day!) && /^\d{1,2}$/.test(month!) && /^\d{4}$/.test(year!);
	return {
		date: whole ? `${year}-${month!.padStart(2, '0')}-${day!.padStart(2, '0')}` : '',
		kind: one(fields, 'kind'),
		reason: one(fields, 'day-reason')
	};
}

/**
 * A refusal's path as the page form names it: the calendar's form adds one day, so `days.0.date`
 * (or the day it clashes with) is the form's date.
 */
export function formPath(kind: Kind, path: string): string {
	if (kind !== 'calendar') return path;
	// The day's reason is `day-reason` on the form: `reason` is the author's reason to publish.
	return path.replace(/^days\.\d+\./, '').replace(/^reason$/, 'day-reason');
}

/** A value as the form shows it, field by field. */
export function formFromValue(kind: Kind, value: Record<string, unknown>): FormFields {
	const text = (line?: string) => line ?? '';
	const joined = (list?: string[]) => (list ?? []).join('\n');
	switch (kind) {
		case 'channel': {
			const { availability, contact, es } = value as Value<'channel'>;
			const hours = 'days' in availability ? availability : undefined;
			return {
				availability: hours ? 'hours' : 'always',
				'availability-days': (hours?.days ?? []).map(String),
				'availability-opens': text(hours?.opens),
				'availability-closes': text(hours?.closes),
				'availability-pause-from': text(hours?.pause?.from),
				'availability-pause-until': text(hours?.pause?.until),
				'availability-closedOnHolidays': hours?.closedOnHolidays ? ['yes'] : [],
				'contact-address': text(contact.address),
				'contact-city': text(contact.city),
				'contact-phones': joined(contact.phones),
				'contact-email': text(contact.email),
				'es-name': es.name,
				'es-goodFor': es.goodFor,
				'es-phoneLabels': joined(es.phoneLabels),
				'es-note': text(es.note)
			};
		}
		case 'service': {
			const service = value as Value<'service'>;
			return {
				kind: service.kind,
				segments: service.segments,
				bookable: service.bookable ? ['yes'] : [],
				responseDays: String(service.responseDays),
				free: service.free ? ['yes'] : [],
				channels: service.channels,
				'es-name': service.es.name,
				'es-summary': service.es.summary,
				'es-who': service.es.who,
				'es-requirements': joined(service.es.requirements),
				'es-steps': joined(service.es.steps),
				'es-cost': service.es.cost,
				'es-keywords': joined(service.es.keywords)
			};
		}
		case 'glossary': {
			const entry = value as Value<'glossary'>;
			return {
				acronym: text(entry.acronym),
				'es-term': entry.es.term,
				'es-definition': entry.es.definition
			};
		}
		case 'calendar':
			// The form adds a day: it starts blank; the list is shown beside it.
			return { 'date-day': '', 'date-month': '', 'date-year': '', kind: '', 'day-reason': '' };
		case 'charter': {
			const { sections, summary, ...dates } = value as Value<'charter'>;
			return {
				version: dates.version,
				validFrom: dates.validFrom,
				validUntil: dates.validUntil,
				'summary-title': summary.title,
				'summary-items': joined(summary.items),
				...Object.fromEntries(
					sections.flatMap((section, index) => [
						[`sections-${index}-es-title`, section.es.title],
						[`sections-${index}-es-intro`, section.es.intro],
						[`sections-${index}-es-items`, joined(section.es.items)]
					])
				)
			};
		}
	}
}

/** A Bogotá date moved by years and days (dates only: no clock, no time zone). */
function moved(date: string, { years = 0, days = 0 }): string {
	const [year, month, day] = date.split('-').map(Number) as [number, number, number];
	return new Date(Date.UTC(year + years, month - 1, day + days)).toISOString().slice(0, 10);
}

/**
 * The charter to prepare for next year: the same texts, valid from the day after the current one
 * ends and for a year; the label takes its year ("2026.1" → "2027.1", or "2026.2" within 2026).
 */
export function nextCharter(value: Value<'charter'>): Value<'charter'> {
	const validFrom = moved(value.validUntil, { days: 1 });
	const year = validFrom.slice(0, 4);
	const [label, minor] = value.version.split('.');
	return {
		...structuredClone(value),
		version: label !== year ? `${year}.1` : `${year}.${(Number(minor) || 0) + 1}`,
		validFrom,
		validUntil: moved(validFrom, { years: 1, days: -1 })
	};
}

/** The form fields whose text citizens read, which get plain-language hints. */
export const PROSE_FIELDS: Record<Kind, string[]> = {
	channel: ['es-name', 'es-goodFor', 'es-note', 'es-phoneLabels'],
	service: ['es-name', 'es-summary', 'es-who', 'es-requirements', 'es-steps', 'es-cost'],
	glossary: ['es-term', 'es-definition'],
	calendar: ['day-reason'],
	charter: ['summary-title', 'summary-items']
};

/** The prose fields of one value: the charter's sections add theirs. */
export function proseFields(kind: Kind, value: Record<string, unknown>): string[] {
	if (kind !== 'charter') return PROSE_FIELDS[kind];
	return [
		...PROSE_FIELDS.charter,
		...(value as Value<'charter'>).sections.flatMap((_, index) =>
			['title', 'intro', 'items'].map((part) => `sections-${index}-es-${part}`)
		)
	];
}

/** The field of the form a refusal's path belongs to: `es.requirements.2` → `es-requirements`. */
export function fieldOf(path: string, names: readonly string[]): string {
	const parts = path.split('.');
	for (let length = parts.length; length > 0; length--) {
		const name = parts.slice(0, length).join('-');
		if (names.includes(name)) return name;
		// A rule about a group (the pause within the hours) points at its first field.
		const first = names.find((candidate) => candidate.startsWith(`${name}-`));
		if (first) return first;
	}
	return 'form';
}

/** One message per field, the first refusal of each, in the order of the form. */
export function formErrors(
	fields: FieldError[],
	names: readonly string[],
	message: (reason: string) => string
): Record<string, string> {
	const errors: Record<string, string> = {};
	for (const field of fields) errors[fieldOf(field.path, names)] ??= message(field.message);
	return errors;
}

/** The hint beside one field: the same rules as check:content, over the field's text. */
export function fieldHint(text: string): Hint | null {
	const plain = plainLines(text);
	if (!plain) return null;
	const { score, findings } = plainLanguage(plain, acronymExpansions());
	return { score, findings };
}

/** The whole item's verdict, on exactly the text `check:content` reads for it. */
export function itemHint(kind: Kind, value: Record<string, unknown>): Hint | null {
	const text =
		kind === 'channel'
			? channelText((value as Value<'channel'>).es)
			: kind === 'service'
				? serviceText((value as Value<'service'>).es)
				: kind === 'glossary'
					? glossaryText((value as Value<'glossary'>).es)
					: null;
	if (text === null) return null;
	const { score, findings } = plainLanguage(text, acronymExpansions());
	return { score, findings };
}

/**
 * Whether an item scores under the plain-language bar as `check:content` reads it (the charter
 * section by section): saving it then needs the author's reason.
 */
export function belowTheBar(kind: Kind, value: Record<string, unknown>): boolean {
	if (kind !== 'charter') return belowBar(itemHint(kind, value));
	const { summary, sections } = value as Value<'charter'>;
	return [
		[summary.title, ...summary.items],
		...sections.map(({ es }) => [es.title, es.intro, ...es.items])
	].some((parts) => belowBar(fieldHint(parts.join('\n'))));
}
