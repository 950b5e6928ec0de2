import {
	MAXIMUM_SENTENCE_WORDS,
	MINIMUM_SCORE,
	plainLanguage as plainLanguageOf,
	type Finding
} from '$lib/domain/plain-language';
import type { Readability } from '$lib/domain/readability';
import { answerTemplateSeeds } from './answer-templates';
import { charter } from './charter';
import { channels } from './channels';
import { acronymExpansions, glossary } from './glossary';
import { plainText } from './links';
import { services } from './services';
import type { Block } from './types';

export { MAXIMUM_SENTENCE_WORDS, MINIMUM_SCORE, type Finding };

export interface ContentSection {
	id: string;
	/** The section's Spanish prose, one sentence, title or list item per line. */
	text: string;
}

// Links in content text are read as their words.
const lines = (...parts: (string | string[] | undefined)[]) =>
	parts
		.flat()
		.filter((part): part is string => Boolean(part))
		.map(plainText)
		.join('\n');

type ChannelText = (typeof channels)[number]['block']['es'];
type ServiceText = (typeof services)[number]['block']['es'];
type GlossaryText = (typeof glossary)[number]['block']['es'];

/** The prose of a channel as readers see it; the content studio checks the same text. */
export function channelText(es: ChannelText): string {
	return lines(es.name, es.goodFor, es.note, es.phoneLabels);
}

/** The prose of a service page (its search keywords are not read). */
export function serviceText(es: ServiceText): string {
	return lines(es.name, es.summary, es.who, es.requirements, es.steps, es.cost);
}

export function glossaryText(es: GlossaryText): string {
	return lines(es.term, es.definition);
}

/** Every section of Spanish content the pages show, as the readers see it. */
export function contentSections(): ContentSection[] {
	const channelLines = channels.flatMap((channel) => [
		`${channel.block.es.name}: ${channel.block.es.goodFor}`
	]);
	return [
		{
			id: 'charter:en-pocas-palabras',
			text: lines(charter.summary.es.title, charter.summary.es.items)
		},
		...charter.sections.map((section) => ({
			id: `charter:${section.id}`,
			text: lines(
				section.block.es.title,
				section.block.es.intro,
				section.block.es.items,
				section.id === 'canales' ? channelLines : undefined
			)
		})),
		...channels.map((channel) => ({
			id: `channels:${channel.id}`,
			text: channelText(channel.block.es)
		})),
		...services.map((service) => ({
			id: `services:${service.slug}`,
			text: serviceText(service.block.es)
		})),
		...glossary.map((entry) => ({
			id: `glossary:${entry.id}`,
			text: glossaryText(entry.block.es)
		})),
		...answerTemplateSeeds.map((template) => ({
			id: `answer-templates:${template.id}`,
			text: lines(template.title, template.body)
		}))
	];
}

/** What a text breaks of the plain-language rules, with its readability. */
export function plainLanguage(
	text: string,
	known = acronymExpansions()
): Readability & { findings: Finding[] } {
	return plainLanguageOf(text, known);
}

export interface SectionReport extends Readability {
	id: string;
	problems: string[];
}

/** A finding as `check:content` prints it. */
export function problemOf(finding: Finding): string {
	return finding.rule === 'score'
		? `Fernández Huerta ${finding.score} is under ${MINIMUM_SCORE}`
		: finding.rule === 'sentence'
			? `sentence over ${MAXIMUM_SENTENCE_WORDS} words: "${finding.sentence}"`
			: `acronym ${finding.acronym} has no glossary entry`;
}

/** Scores a section and lists what breaks the plain-language rules. */
export function checkSection(section: ContentSection, known = acronymExpansions()): SectionReport {
	const { findings, ...readability } = plainLanguage(section.text, known);
	return { id: section.id, ...readability, problems: findings.map(problemOf) };
}

export function checkContent(): SectionReport[] {
	const known = acronymExpansions();
	return contentSections().map((section) => checkSection(section, known));
}

/** How many content blocks have reviewed, draft or no Wayuunaiki text. */
export function translationStates(): Record<'reviewed' | 'draft' | 'missing', number> {
	const blocks: Block<unknown>[] = [
		charter.summary,
		...charter.sections.map((section) => section.block),
		...channels.map((channel) => channel.block),
		...services.map((service) => service.block),
		...glossary.map((entry) => entry.block)
	];
	const counts = { reviewed: 0, draft: 0, missing: 0 };
	for (const block of blocks) counts[block.guc?.review ?? 'missing'] += 1;
	return counts;
}
