import { acronyms, fernandezHuerta, longSentences, type Readability } from './readability';

/** The plain-language bar for Spanish content (DNP lenguaje claro, DESIGN §4). */
export const MINIMUM_SCORE = 70;
export const MAXIMUM_SENTENCE_WORDS = 30;

/** One break of the plain-language rules, for the check's report and the studio's hints. */
export type Finding =
	| { rule: 'score'; score: number }
	| { rule: 'sentence'; sentence: string }
	| { rule: 'acronym'; acronym: string };

/** The acronyms the glossary explains. */
export interface KnownAcronyms {
	has(acronym: string): boolean;
}

/**
 * What a text breaks of the plain-language rules, with its readability: `check:content`, the
 * studio's server and the studio's page script all run this one function.
 */
export function plainLanguage(
	text: string,
	known: KnownAcronyms
): Readability & { findings: Finding[] } {
	const readability = fernandezHuerta(text);
	const findings: Finding[] = [];
	if (readability.score < MINIMUM_SCORE) findings.push({ rule: 'score', score: readability.score });
	for (const sentence of longSentences(text, MAXIMUM_SENTENCE_WORDS)) {
		findings.push({ rule: 'sentence', sentence });
	}
	for (const acronym of acronyms(text)) {
		if (!known.has(acronym)) findings.push({ rule: 'acronym', acronym });
	}
	return { ...readability, findings };
}

/** What a text breaks of the rules, and its score. */
export interface Hint {
	score: number;
	findings: Finding[];
}

/** Whether a text scores under the bar: saving it then needs a reason. */
export const belowBar = (hint: Hint | null): boolean =>
	hint?.findings.some((finding) => finding.rule === 'score') ?? false;

/**
 * The words of a hint, from message templates with `{{score}}`, `{{minimum}}`, `{{sentence}}`,
 * `{{max}}` and `{{acronym}}`: each finding in turn, or the score when nothing is wrong.
 */
export interface HintMessages {
	score: string;
	sentence: string;
	acronym: string;
	plain: string;
}

const fill = (template: string, values: Record<string, string | number>) =>
	template.replace(/\{\{(\w+)\}\}/g, (whole, name: string) =>
		name in values ? String(values[name]) : whole
	);

export function hintWords(hint: Hint, messages: HintMessages): string {
	const bar = { minimum: MINIMUM_SCORE, max: MAXIMUM_SENTENCE_WORDS };
	const said = hint.findings.map((finding) =>
		finding.rule === 'score'
			? fill(messages.score, { ...bar, score: finding.score })
			: finding.rule === 'sentence'
				? fill(messages.sentence, { ...bar, sentence: finding.sentence })
				: fill(messages.acronym, { acronym: finding.acronym })
	);
	return said.length ? said.join(' ') : fill(messages.plain, { score: hint.score });
}
