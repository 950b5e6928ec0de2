import {
	acronyms,
	fernandezHuerta,
	longSentences,
	type Readability
} from '$lib/domain/readability';
import { charter } from './charter';
import { channels } from './channels';
import { acronymExpansions, glossary } from './glossary';
import { plainText } from './links';
import { services } from './services';
import type { Block } from './types';

/** The plain-language bar for Spanish content (DNP lenguaje claro, DESIGN §4). */
export const MINIMUM_SCORE = 70;
export const MAXIMUM_SENTENCE_WORDS = 30;

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
			text: lines(
				channel.block.es.name,
				channel.block.es.goodFor,
				channel.block.es.note,
				channel.block.es.phoneLabels
			)
		})),
		...services.map((service) => {
			const { name, summary, who, requirements, steps, cost } = service.block.es;
			return {
				id: `services:${service.slug}`,
				text: lines(name, summary, who, requirements, steps, cost)
			};
		}),
		...glossary.map((entry) => ({
			id: `glossary:${entry.id}`,
			text: lines(entry.block.es.term, entry.block.es.definition)
		}))
	];
}

export interface SectionReport extends Readability {
	id: string;
	problems: string[];
}

/** Scores a section and lists what breaks the plain-language rules. */
export function checkSection(section: ContentSection, known = acronymExpansions()): SectionReport {
	const readability = fernandezHuerta(section.text);
	const problems: string[] = [];
	if (readability.score < MINIMUM_SCORE) {
		problems.push(`Fernández Huerta ${readability.score} is under ${MINIMUM_SCORE}`);
	}
	for (const sentence of longSentences(section.text, MAXIMUM_SENTENCE_WORDS)) {
		problems.push(`sentence over ${MAXIMUM_SENTENCE_WORDS} words: "${sentence}"`);
	}
	for (const acronym of acronyms(section.text)) {
		if (!known.has(acronym)) problems.push(`acronym ${acronym} has no glossary entry`);
	}
	return { id: section.id, ...readability, problems };
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
