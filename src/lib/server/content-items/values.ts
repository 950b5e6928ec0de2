import { z } from 'zod';
import { channels, type Channel } from '$lib/content/channels';
import { charter, type Charter, type CharterSection } from '$lib/content/charter';
import { glossary, type GlossaryEntry } from '$lib/content/glossary';
import { resetSearches } from '$lib/content/service-search';
import { entityCalendar } from '$lib/content/non-working-days';
import { SEGMENTS, services, type Service } from '$lib/content/services';
import { NON_WORKING_KINDS } from '$lib/domain/non-working-days';
import { PETITION_TYPES } from '$lib/domain/terms';

/**
 * The editable value of each kind of content item, as stored in `content_items` and taken by the
 * API: the shipped object without its id, its Spanish block as `es`. The Wayuunaiki of a block
 * stays with the translation studio, which shows it only while its Spanish source is unchanged.
 */
export const KINDS = ['charter', 'service', 'channel', 'glossary', 'calendar'] as const;
export type Kind = (typeof KINDS)[number];

const line = z.string().trim().min(1).max(2000);
const lines = z.array(line).max(40);
const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/);
/** Whether a YYYY-MM-DD text names a day that exists: 2027-02-30 and 2027-13-01 do not. */
function isRealDate(value: string): boolean {
	if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
	const instant = new Date(`${value}T00:00:00Z`);
	return !Number.isNaN(instant.getTime()) && instant.toISOString().slice(0, 10) === value;
}
/** A calendar date as year-month-day (the charter's validity). */
const date = z.string().refine(isRealDate, { message: 'invalid' });
/** A real calendar date, written YYYY-MM-DD (a non-working day). */
const realDate = z.string().refine(isRealDate, 'not_a_date');
const CHANNEL_IDS = channels.map((channel) => channel.id) as [Channel['id'], ...Channel['id'][]];

const availability = z.union([
	z.object({ always: z.literal(true) }).strict(),
	z
		.object({
			days: z.array(z.number().int().min(1).max(7)).min(1).max(7),
			opens: time,
			closes: time,
			pause: z.object({ from: time, until: time }).strict().optional(),
			closedOnHolidays: z.boolean()
		})
		.strict()
		.refine((value) => value.opens < value.closes, { path: ['closes'], message: 'after_opens' })
		.refine(
			({ opens, closes, pause }) =>
				!pause || (opens < pause.from && pause.from < pause.until && pause.until < closes),
			{ path: ['pause'], message: 'within_hours' }
		)
]);

export const VALUE_SCHEMAS = {
	channel: z
		.object({
			availability,
			contact: z
				.object({
					address: line.optional(),
					city: line.optional(),
					phones: z
						.array(
							z
								.string()
								.trim()
								.regex(/^\+?[\d ]{3,20}$/)
						)
						.max(5)
						.optional(),
					email: z.email().optional(),
					page: z.enum(['pqrsd', 'te-llamamos']).optional()
				})
				.strict(),
			es: z
				.object({
					name: line,
					goodFor: line,
					phoneLabels: lines.optional(),
					note: line.optional()
				})
				.strict()
		})
		.strict(),
	service: z
		.object({
			kind: z.enum(['tramite', 'opa', 'servicio']),
			segments: z.array(z.enum(SEGMENTS)).max(SEGMENTS.length),
			bookable: z.boolean(),
			responseDays: z.number().int().min(0).max(365),
			free: z.boolean(),
			channels: z.array(z.enum(CHANNEL_IDS)).min(1),
			online: z.enum(['pqrsd', 'radicado']).optional(),
			petitionType: z.enum(PETITION_TYPES).optional(),
			es: z
				.object({
					name: line,
					summary: line,
					who: line,
					requirements: lines,
					steps: lines.min(1),
					cost: line,
					keywords: z.array(z.string().trim().min(1).max(80)).max(40)
				})
				.strict()
		})
		.strict(),
	charter: z
		.object({
			version: z.string().trim().min(1).max(40),
			validFrom: date,
			validUntil: date,
			summary: z.object({ title: line, items: lines.min(1) }).strict(),
			sections: z
				.array(
					z
						.object({
							id: z.enum(['derechos', 'deberes', 'deberes-de-la-entidad', 'canales']),
							es: z.object({ title: line, intro: line, items: lines }).strict()
						})
						.strict()
				)
				.min(1)
		})
		.strict()
		.refine((value) => value.validFrom <= value.validUntil, {
			path: ['validUntil'],
			message: 'after_valid_from'
		}),
	glossary: z
		.object({
			acronym: z.string().trim().min(1).max(20).optional(),
			es: z.object({ term: line, definition: line }).strict()
		})
		.strict(),
	/** The entity's non-working days: closures and declared suspensions of terms, one per date. */
	calendar: z
		.object({
			days: z
				.array(
					z
						.object({
							date: realDate,
							kind: z.enum(NON_WORKING_KINDS),
							reason: z.string().trim().min(1).max(300)
						})
						.strict()
				)
				.max(500)
				.superRefine((days, context) => {
					const seen = new Set<string>();
					for (const [index, day] of days.entries()) {
						if (seen.has(day.date)) {
							context.addIssue({
								code: 'custom',
								path: [index, 'date'],
								message: 'duplicate_date'
							});
						}
						seen.add(day.date);
					}
				})
				.transform((days) => [...days].sort((a, b) => a.date.localeCompare(b.date)))
		})
		.strict()
} satisfies Record<Kind, z.ZodType>;

export type Value<K extends Kind> = z.infer<(typeof VALUE_SCHEMAS)[K]>;

/** The one item holding the entity's non-working days. */
export const CALENDAR = 'calendar:dias-no-habiles';

/** An item of content as the shipped files hold it: its id, kind and value. */
export interface ShippedItem {
	id: string;
	kind: Kind;
	key: string;
	value: Record<string, unknown>;
}

const channelValue = (channel: Channel) => ({
	availability: channel.availability,
	contact: channel.contact,
	es: channel.block.es
});
const serviceValue = ({ slug: _slug, demo: _demo, block, ...rest }: Service) => ({
	...rest,
	es: block.es
});
const glossaryValue = (entry: GlossaryEntry) => ({
	...(entry.acronym ? { acronym: entry.acronym } : {}),
	es: entry.block.es
});

function shippedNow(): ShippedItem[] {
	const items: ShippedItem[] = [
		{
			id: 'charter:carta',
			kind: 'charter',
			key: 'carta',
			value: {
				version: charter.version,
				validFrom: charter.validFrom,
				validUntil: charter.validUntil,
				summary: charter.summary.es,
				sections: charter.sections.map((section) => ({ id: section.id, es: section.block.es }))
			}
		},
		...services.map((service) => ({
			id: `service:${service.slug}`,
			kind: 'service' as const,
			key: service.slug,
			value: serviceValue(service)
		})),
		...channels.map((channel) => ({
			id: `channel:${channel.id}`,
			kind: 'channel' as const,
			key: channel.id,
			value: channelValue(channel)
		})),
		...glossary.map((entry) => ({
			id: `glossary:${entry.id}`,
			kind: 'glossary' as const,
			key: entry.id,
			value: glossaryValue(entry)
		})),
		// The entity declares its own closures and suspensions: none are shipped.
		{ id: CALENDAR, kind: 'calendar', key: 'dias-no-habiles', value: { days: [] } }
	];
	return structuredClone(items);
}

/**
 * The shipped demo content, copied when this module first loads: the content modules' objects are
 * then overwritten with what is published, and a fresh database is seeded from this copy.
 */
const SHIPPED = shippedNow();

export function shippedItems(): ShippedItem[] {
	return structuredClone(SHIPPED);
}

/** What an instance loads of an item: its published value, and whether it is still the demo. */
export interface Published {
	value: Record<string, unknown>;
	demo: boolean;
}

/**
 * Puts the published values into the content modules' objects, in place: every page, the API,
 * the translation catalogue and the audio list read them from there. An item without a published
 * value takes the shipped one. The objects (and their blocks) stay the same, so the translation
 * overlay, keyed by block, still finds them.
 */
export function applyPublished(
	published: ReadonlyMap<string, Published>,
	charters: readonly Published[],
	today: string,
	removed: ReadonlySet<string> = new Set()
): void {
	const shippedCharter = SHIPPED.find((item) => item.kind === 'charter')!;
	charterVersions = latestPerLabel(
		charters.length ? charters : [{ value: shippedCharter.value, demo: true }]
	);
	appliedCharter = undefined;
	followCharter(today);
	for (const shipped of SHIPPED) {
		if (removed.has(shipped.id)) continue;
		const row = published.get(shipped.id);
		const value = structuredClone(row?.value ?? shipped.value);
		const demo = row?.demo ?? true;
		switch (shipped.kind) {
			case 'channel': {
				const channel = channels.find((candidate) => candidate.id === shipped.key)!;
				const { availability, contact, es } = value as Value<'channel'>;
				Object.assign(channel, { demo, availability, contact });
				channel.block.es = es;
				break;
			}
			case 'service': {
				const service = services.find((candidate) => candidate.slug === shipped.key)!;
				const { es, ...rest } = value as Value<'service'>;
				for (const field of ['online', 'petitionType'] as const) delete service[field];
				Object.assign(service, rest, { demo });
				service.block.es = es;
				break;
			}
			case 'glossary': {
				const entry = glossaryEntries.get(shipped.key)!;
				const { acronym, es } = value as Value<'glossary'>;
				if (acronym) entry.acronym = acronym;
				else delete entry.acronym;
				entry.block.es = es;
				break;
			}
			case 'calendar':
				entityCalendar.publish((value as Value<'calendar'>).days);
				break;
			case 'charter':
				// The version in force, chosen by date above.
				break;
		}
	}
	listGlossary(published, removed);
	resetSearches();
}

/** Every glossary entry this process has shown, by id: a removed one comes back as the same object. */
const glossaryEntries = new Map(glossary.map((entry) => [entry.id, entry]));

/**
 * The glossary's entries as published: the shipped ones not removed, in their order, then the
 * entries editors added, by id. The array is changed in place, as the pages hold it.
 */
function listGlossary(published: ReadonlyMap<string, Published>, removed: ReadonlySet<string>) {
	const shipped = SHIPPED.filter((item) => item.kind === 'glossary');
	const added = [...published.keys()]
		.filter((id) => id.startsWith('glossary:') && !shipped.some((item) => item.id === id))
		.sort();
	const entries = [
		...shipped.filter((item) => !removed.has(item.id)).map((item) => item.key),
		...added.map((id) => id.slice('glossary:'.length))
	].map((key) => {
		const value = published.get(`glossary:${key}`)?.value as Value<'glossary'> | undefined;
		const entry = glossaryEntries.get(key) ?? { id: key, block: { es: value!.es } };
		glossaryEntries.set(key, entry);
		if (value && !shipped.some((item) => item.key === key)) {
			entry.block.es = value.es;
			if (value.acronym) entry.acronym = value.acronym;
			else delete entry.acronym;
		}
		return entry;
	});
	glossary.splice(0, glossary.length, ...entries);
}

/** Every published version of the charter, each label once (its latest), by validity. */
let charterVersions: Published[] = [];
let appliedCharter: Published | undefined;

function latestPerLabel(versions: readonly Published[]): Published[] {
	const byLabel = new Map<string, Published>();
	for (const version of versions) byLabel.set((version.value as Value<'charter'>).version, version);
	return [...byLabel.values()].sort((a, b) =>
		(a.value as Value<'charter'>).validFrom.localeCompare((b.value as Value<'charter'>).validFrom)
	);
}

const charterValue = (version: Published) => version.value as Value<'charter'>;

/** The version in force on a Bogotá date: the last to take effect by then (else the first). */
function inForce(today: string): Published | undefined {
	return (
		charterVersions.findLast((version) => charterValue(version).validFrom <= today) ??
		charterVersions[0]
	);
}

/**
 * Makes the charter the pages show the version in force today: a version prepared in advance takes
 * effect on its date, without a restart. Called before every request; it changes the shared object
 * only when the version in force changed, and says so.
 */
export function followCharter(today: string): boolean {
	const version = inForce(today);
	if (!version || version === appliedCharter) return false;
	appliedCharter = version;
	const { summary, sections, ...dates } = structuredClone(charterValue(version));
	Object.assign(charter, dates, { demo: version.demo });
	charter.summary.es = summary;
	const before = new Map(charter.sections.map((section) => [section.id, section]));
	charter.sections = sections.map(({ id, es }): CharterSection => {
		const section = before.get(id) ?? { id, block: { es } };
		section.block.es = es;
		return section;
	});
	return true;
}

/** The versions that were in force before today's, the latest first. */
export function earlierCharters(today: string): Charter[] {
	const current = inForce(today);
	return charterVersions
		.filter((version) => version !== current && charterValue(version).validFrom <= today)
		.reverse()
		.map((version) => {
			const { summary, sections, ...dates } = structuredClone(charterValue(version));
			return {
				...dates,
				demo: version.demo,
				summary: { es: summary },
				sections: sections.map(({ id, es }) => ({ id, block: { es } }))
			};
		});
}
