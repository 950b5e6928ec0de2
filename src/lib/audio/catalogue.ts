import { localDate } from '$lib/domain/local-time';
import { clock } from '$lib/server/clock';
import { charterView, serviceView } from '$lib/server/content';
import { services } from '$lib/content/services';
import type { Locale } from '$lib/i18n/locales';
import type { Translator } from '$lib/i18n/translator';
import { plainText } from '$lib/content/links';

/** What an audio says, and where it is heard. */
export interface AudioText {
	/** The content id: the name of its files (`static/audio/{lang}/{id}.{opus,mp3}`). */
	id: string;
	/** section: a part of the charter; service: a service page; instructions: a journey's steps. */
	kind: 'section' | 'service' | 'instructions';
	/** The heading of the text the audio reads, in the text's language. */
	title: string;
	/** The language the heading (and the text) is in: Spanish while a translation is missing. */
	titleLang: Locale;
	/** The page the text is on, without the language segment. */
	page: string;
	/** The text read aloud; a Wayuunaiki recording's transcript. */
	text: string;
}

type I18n = Pick<Translator, 't' | 'part'>;

const sentence = (text: string) => (/[.:;?!]$/.test(text.trim()) ? text.trim() : `${text.trim()}.`);
// Links in content text are read as their words.
const spoken = (parts: string[]) => parts.filter(Boolean).map(plainText).map(sentence).join(' ');

/** Instructions of the booking and radicado journeys: the locale keys each audio reads. */
export const INSTRUCTIONS: { id: string; page: string; keys: string[] }[] = [
	{ id: 'citas.inicio', page: '/citas', keys: ['booking:title', 'booking:intro', 'booking:needs'] },
	{
		id: 'citas.tenga-en-cuenta',
		page: '/citas',
		keys: [
			'booking:rules.title',
			'booking:rules.early',
			'booking:rules.wait',
			'booking:rules.length',
			'booking:rules.failure'
		]
	},
	{
		id: 'pqrsd.inicio',
		page: '/pqrsd',
		keys: ['pqrsd:title', 'pqrsd:intro', 'pqrsd:introAfterAbbr']
	},
	{
		id: 'radicado.consulta',
		page: '/radicado',
		keys: [
			'radicado:title',
			'radicado:intro',
			'radicado:numberHint',
			'radicado:codeHint',
			'radicado:lost'
		]
	}
];

/**
 * A short recorded instruction for each step of the booking, petition, call-back and look-up
 * journeys, so a person who does not read can be guided by voice. Never synthesised: they play
 * once someone records them in the studio (/staff/grabaciones). The keys are what is read.
 */
export const STEPS: { id: string; page: string; keys: string[] }[] = [
	{ id: 'citas.dia', page: '/citas/dia', keys: ['booking:day.title'] },
	{ id: 'citas.hora', page: '/citas/hora', keys: ['booking:time.title'] },
	{
		id: 'citas.datos',
		page: '/citas/datos',
		keys: ['booking:details.title', 'booking:details.why']
	},
	{ id: 'citas.ajustes', page: '/citas/ajustes', keys: ['booking:adjustments.title'] },
	{
		id: 'citas.revisar',
		page: '/citas/revisar',
		keys: ['booking:check.title', 'booking:check.consentTitle']
	},
	{
		id: 'pqrsd.enviado',
		page: '/pqrsd',
		keys: ['pqrsd:done.title', 'pqrsd:done.codeWarning', 'pqrsd:done.writeDown']
	},
	{
		id: 'te-llamamos.inicio',
		page: '/te-llamamos',
		keys: ['callbacks:title', 'callbacks:intro', 'callbacks:why']
	},
	{
		id: 'te-llamamos.enviado',
		page: '/te-llamamos',
		keys: [
			'callbacks:done.title',
			'callbacks:done.nextTitle',
			'callbacks:done.next1',
			'callbacks:done.next2',
			'callbacks:done.next3'
		]
	},
	{ id: 'radicado.resultado', page: '/radicado', keys: ['radicado:result.title'] }
];

/**
 * Every text that has an audio version, in a language: the charter's sections, every service,
 * and the key instructions of the booking and radicado journeys. For Spanish this is what
 * `npm run audio` synthesises; for Wayuunaiki it is the transcript a recording must follow.
 */
export function audioTexts(lang: Locale, i18n: I18n): AudioText[] {
	const { t } = i18n;
	const charter = charterView(lang, i18n, { today: localDate(clock.now()) });
	const texts: AudioText[] = [
		{
			id: 'carta.en-pocas-palabras',
			kind: 'section',
			title: charter.summary.title,
			titleLang: charter.summary.lang,
			page: '/carta-de-trato-digno#en-pocas-palabras',
			text: spoken([charter.summary.title, ...charter.summary.items])
		},
		...charter.sections.map((section) => ({
			id: `carta.${section.id}`,
			kind: 'section' as const,
			title: section.title,
			titleLang: section.lang,
			page: `/carta-de-trato-digno#${section.id}`,
			text: spoken([
				section.title,
				section.intro,
				...section.items,
				...section.channels.map(
					(channel) => `${channel.name}: ${channel.goodFor} ${channel.hours.text}`
				)
			])
		}))
	];
	for (const { slug } of services) {
		const service = serviceView(lang, slug, i18n)!;
		texts.push({
			id: `servicio.${slug}`,
			kind: 'service',
			title: service.name,
			titleLang: service.lang,
			page: `/servicios/${slug}`,
			text: spoken([
				service.name,
				service.summary,
				`${t('services:detail.who')}: ${service.who}`,
				`${t('services:detail.cost')}: ${service.cost}`,
				`${t('services:detail.time')}: ${service.responseTime.text}`,
				t('services:detail.requirements'),
				...service.requirements,
				t('services:detail.steps'),
				...service.steps
			])
		});
	}
	for (const { id, page, keys } of INSTRUCTIONS) {
		texts.push({
			id,
			kind: 'instructions',
			title: t(keys[0]!),
			titleLang: i18n.part(keys[0]!).lang,
			page,
			text: spoken(keys.map((key) => t(key)))
		});
	}
	return texts;
}

/**
 * Every text a person may record, in a language: those with an audio version and the recorded
 * instructions of each journey step. A recording's transcript is its `text`.
 */
export function recordableTexts(lang: Locale, i18n: I18n): AudioText[] {
	const { t } = i18n;
	return [
		...audioTexts(lang, i18n),
		...STEPS.map(({ id, page, keys }) => ({
			id,
			kind: 'instructions' as const,
			title: t(keys[0]!),
			titleLang: i18n.part(keys[0]!).lang,
			page,
			text: spoken(keys.map((key) => t(key)))
		}))
	];
}
