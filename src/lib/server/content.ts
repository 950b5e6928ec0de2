import { charter } from '$lib/content/charter';
import { earlierCharters } from './content-items';
import { channels, mapUrl, type Channel, type ChannelId } from '$lib/content/channels';
import { acronymExpansions, glossary } from '$lib/content/glossary';
import { findServices } from '$lib/content/service-search';
import { findService, SEGMENTS, type Segment, type Service } from '$lib/content/services';
import { resolve, type Review } from '$lib/content/types';
import { entityCalendar } from '$lib/content/non-working-days';
import {
	formatInstant,
	isHoliday,
	localDate,
	TIME_ZONE,
	type LocalDate
} from '$lib/domain/calendar';
import { dateInWords } from '$lib/domain/dates-in-words';
import { upcoming, type NonWorkingKind } from '$lib/domain/non-working-days';
import { formatClock, formatDays } from '$lib/domain/office-hours';
import { isOpen, type Availability } from '$lib/domain/open-now';
import type { Locale } from '$lib/i18n/locales';
import type { Translator } from '$lib/i18n/translator';

/**
 * The entity's published word, read the same way by the pages and by the API: each block in the
 * asked language, or in Spanish (marked with its `lang`) while the translation is missing.
 */

type T = Pick<Translator, 't' | 'part'>;

interface Localised {
	/** The language this block's text is in. */
	lang: Locale;
	review: Review;
}

/** The hours in words, and the language they are written in. */
function hours(availability: Availability, { t, part }: T): { text: string; lang: Locale } {
	if (availability.always) return part('channels:hours.always');
	const values = {
		days: formatDays(
			{ days: availability.days, opens: availability.opens, closes: availability.closes },
			{ to: t('common:range.to'), and: t('common:range.and') }
		),
		opens: formatClock(availability.opens),
		closes: formatClock(availability.closes)
	};
	const { pause } = availability;
	if (pause) {
		const split = { ...values, from: formatClock(pause.from), until: formatClock(pause.until) };
		return availability.closedOnHolidays
			? part('channels:hours.splitHolidays', split)
			: part('channels:hours.split', split);
	}
	return availability.closedOnHolidays
		? part('channels:hours.rangeHolidays', values)
		: part('channels:hours.range', values);
}

export interface ChannelView extends Localised {
	id: ChannelId;
	demo: boolean;
	name: string;
	goodFor: string;
	note: string | null;
	hours: { text: string; lang: Locale };
	availability: Availability;
	openNow: boolean;
	address: { street: string; city: string; map: string } | null;
	phones: { label: string; number: string; href: string }[];
	email: { address: string; href: string } | null;
	/** A page of this app that is the channel (the web form, the call-back request). */
	page: string | null;
}

function channelView(channel: Channel, lang: Locale, now: Date, i18n: T): ChannelView {
	const { text, ...localised } = resolve(channel.block, lang);
	const { address, city, phones = [], email, page } = channel.contact;
	return {
		id: channel.id,
		demo: channel.demo,
		...localised,
		name: text.name,
		goodFor: text.goodFor,
		note: text.note ?? null,
		hours: hours(channel.availability, i18n),
		availability: channel.availability,
		openNow: isOpen(channel.availability, now, closedOn),
		address: address && city ? { street: address, city, map: mapUrl(address, city) } : null,
		phones: phones.map((number, index) => ({
			label: text.phoneLabels?.[index] ?? '',
			number,
			href: `tel:${number.replaceAll(' ', '')}`
		})),
		email: email ? { address: email, href: `mailto:${email}` } : null,
		page: page ? `/${lang}/${page}` : null
	};
}

/** A public holiday or a day the entity closed: channels closed on holidays are closed then too. */
function closedOn(date: LocalDate): boolean {
	return isHoliday(date) || entityCalendar.closed().has(date);
}

/** A non-working day of the entity from today on, said in plain words. */
export interface NonWorkingDayView {
	date: LocalDate;
	kind: NonWorkingKind;
	/** "La entidad no atiende el lunes 7 de diciembre de 2026.", in `lang`. */
	text: string;
	lang: Locale;
	/** The entity's reason, always in Spanish. */
	reason: string;
}

export interface ChannelsView {
	timeZone: string;
	/** The instant openNow was computed for, with Bogotá's offset. */
	now: string;
	channels: ChannelView[];
	/** The closures and suspensions of terms the entity declared, from today on. */
	nonWorkingDays: NonWorkingDayView[];
}

export function channelsView(lang: Locale, now: Date, i18n: T): ChannelsView {
	return {
		timeZone: TIME_ZONE,
		now: formatInstant(now),
		channels: channels.map((channel) => channelView(channel, lang, now, i18n)),
		nonWorkingDays: upcoming(entityCalendar.days(), localDate(now)).map((day) => {
			const { text, lang: textLang } = i18n.part(`channels:nonWorking.${day.kind}`, {
				date: dateInWords(day.date)
			});
			return { date: day.date, kind: day.kind, text, lang: textLang, reason: day.reason };
		})
	};
}

export interface CharterView {
	demo: boolean;
	version: string;
	validFrom: string;
	validUntil: string;
	/** Not the version in force: an earlier one, asked for by its label. */
	superseded: boolean;
	/** The versions in force before this one's, the latest first, each with its page. */
	earlier: { version: string; validFrom: string; validUntil: string; url: string }[];
	summary: Localised & { title: string; items: string[] };
	sections: (Localised & {
		id: string;
		title: string;
		intro: string;
		items: string[];
		permalink: string;
		/** The channels section lists the channels; the others list nothing here. */
		channels: {
			id: ChannelId;
			lang: Locale;
			name: string;
			goodFor: string;
			hours: { text: string; lang: Locale };
		}[];
	})[];
}

/**
 * The charter in force on `today` (a Bogotá date), or an earlier version by its label; the
 * versions in force before it are listed with their pages.
 */
export function charterView(
	lang: Locale,
	i18n: T,
	asked: { today: string; version?: string | undefined }
): CharterView {
	const earlier = earlierCharters(asked.today);
	const shown = earlier.find((version) => version.version === asked.version) ?? charter;
	const summary = resolve(shown.summary, lang);
	const page = `/${lang}/carta-de-trato-digno`;
	return {
		demo: shown.demo,
		version: shown.version,
		validFrom: shown.validFrom,
		validUntil: shown.validUntil,
		superseded: shown !== charter,
		earlier: earlier.map(({ version, validFrom, validUntil }) => ({
			version,
			validFrom,
			validUntil,
			url: `${page}?version=${encodeURIComponent(version)}`
		})),
		summary: { lang: summary.lang, review: summary.review, ...summary.text },
		sections: shown.sections.map((section) => {
			const { text, ...localised } = resolve(section.block, lang);
			return {
				id: section.id,
				...localised,
				...text,
				permalink: `${page}#${section.id}`,
				channels:
					section.id === 'canales'
						? channels.map((channel) => {
								const block = resolve(channel.block, lang);
								return {
									id: channel.id,
									lang: block.lang,
									name: block.text.name,
									goodFor: block.text.goodFor,
									hours: hours(channel.availability, i18n)
								};
							})
						: []
			};
		})
	};
}

export interface ServiceSummary extends Localised {
	slug: string;
	demo: boolean;
	kind: Service['kind'];
	segments: Segment[];
	name: string;
	summary: string;
	bookable: boolean;
	url: string;
}

export interface ServiceView extends ServiceSummary {
	who: string;
	requirements: string[];
	steps: string[];
	cost: string;
	free: boolean;
	/** Maximum answer time in business days; 0 means at once. */
	responseDays: number;
	responseTime: { text: string; lang: Locale };
	channels: { id: ChannelId; lang: Locale; name: string; url: string }[];
	/** "Pedir una cita", when the service can be booked. */
	booking: string | null;
	/** Where to start the service online in this app. */
	online: string | null;
}

function summaryOf(service: Service, lang: Locale): ServiceSummary {
	const { text, ...localised } = resolve(service.block, lang);
	return {
		slug: service.slug,
		demo: service.demo,
		...localised,
		kind: service.kind,
		segments: service.segments,
		name: text.name,
		summary: text.summary,
		bookable: service.bookable,
		url: `/${lang}/servicios/${service.slug}`
	};
}

export interface ServicesView {
	q: string;
	segment: Segment | null;
	segments: readonly Segment[];
	count: number;
	services: ServiceSummary[];
	/** "¿Quiso decir…?" when nothing matches and a close spelling would. */
	suggestion: string | null;
}

/**
 * The portfolio, searched by words (case, accents, ü, apostrophes and small misspellings forgiven)
 * and by segment.
 */
export function servicesView(
	lang: Locale,
	query: { q?: string | undefined; segment?: Segment | undefined } = {}
): ServicesView {
	const q = (query.q ?? '').trim();
	const { slugs, suggestion } = findServices(lang, q, query.segment);
	const found = slugs.map((slug) => summaryOf(findService(slug)!, lang));
	return {
		q,
		segment: query.segment ?? null,
		segments: SEGMENTS,
		count: found.length,
		services: found,
		suggestion: suggestion ?? null
	};
}

export function serviceView(lang: Locale, slug: string, i18n: T): ServiceView | undefined {
	const service = findService(slug);
	if (!service) return undefined;
	const text = resolve(service.block, lang).text;
	// The petition form set to this service: its kind of petition, and the service as the subject.
	const form = `/${lang}/pqrsd?tipo=${service.petitionType ?? 'peticion'}&servicio=${encodeURIComponent(service.slug)}`;
	return {
		...summaryOf(service, lang),
		who: text.who,
		requirements: text.requirements,
		steps: text.steps,
		cost: text.cost,
		free: service.free,
		responseDays: service.responseDays,
		responseTime:
			service.responseDays === 0
				? i18n.part('services:responseTime.immediate')
				: i18n.part('services:responseTime.days', { count: service.responseDays }),
		channels: service.channels.map((id) => {
			const channel = channels.find((candidate) => candidate.id === id)!;
			const block = resolve(channel.block, lang);
			// A channel that is a page of this app (the form, the call-back) opens that page.
			const own = channel.contact.page;
			const url = own === 'pqrsd' ? form : own ? `/${lang}/${own}` : `/${lang}/contacto#${id}`;
			return { id, lang: block.lang, name: block.text.name, url };
		}),
		booking: service.bookable ? `/${lang}/citas?tema=${encodeURIComponent(service.slug)}` : null,
		online: service.online === 'pqrsd' ? form : service.online ? `/${lang}/${service.online}` : null
	};
}

export interface GlossaryView {
	entries: (Localised & { id: string; acronym: string | null; term: string; definition: string })[];
}

export function glossaryView(lang: Locale): GlossaryView {
	return {
		entries: glossary
			.map((entry) => {
				const { text, ...localised } = resolve(entry.block, lang);
				return { id: entry.id, acronym: entry.acronym ?? null, ...localised, ...text };
			})
			.sort((a, b) => (a.acronym ?? a.term).localeCompare(b.acronym ?? b.term, 'es'))
	};
}

/** Acronym → expansion, for `<abbr title>` in the pages. */
export function abbreviations(): Record<string, string> {
	return Object.fromEntries(acronymExpansions());
}
