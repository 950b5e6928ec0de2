/**
 * Plain-language measures for Spanish: a syllable splitter, the Fernández Huerta reading ease
 * and the checks the content gate applies (long sentences, unexplained acronyms).
 */

const STRONG = new Set([...'aeoáéóíú']);
const VOWELS = new Set([...'aeiouáéíóúü']);
// Consonant pairs that always start a syllable together ("pro", "bla", "tra").
const ONSET_CLUSTERS = new Set([
	'bl',
	'br',
	'cl',
	'cr',
	'dr',
	'fl',
	'fr',
	'gl',
	'gr',
	'kl',
	'kr',
	'pl',
	'pr',
	'tr'
]);

interface Unit {
	text: string;
	vowel: boolean;
}

/** Letters grouped as sounds: "ch", "ll", "rr", and "qu"/"gu" before e or i, are one consonant. */
function units(word: string): Unit[] {
	const out: Unit[] = [];
	let i = 0;
	while (i < word.length) {
		const letter = word[i]!;
		const pair = word.slice(i, i + 2);
		const next = word[i + 2] ?? '';
		if (pair === 'ch' || pair === 'll' || pair === 'rr') {
			out.push({ text: pair, vowel: false });
			i += 2;
		} else if ((pair === 'qu' || pair === 'gu') && 'eéií'.includes(next) && next !== '') {
			out.push({ text: pair, vowel: false });
			i += 2;
		} else if (letter === 'y') {
			// "y" is a vowel at the end of a word or before a consonant ("hoy", "muy", "y").
			const following = word[i + 1];
			out.push({ text: letter, vowel: following === undefined || !VOWELS.has(following) });
			i += 1;
		} else {
			out.push({ text: letter, vowel: VOWELS.has(letter) });
			i += 1;
		}
	}
	return out;
}

function strong(unit: Unit): boolean {
	return STRONG.has(unit.text);
}

/**
 * Splits one Spanish word into syllables ("constitución" → cons·ti·tu·ción). Two strong vowels
 * (a, e, o, or an accented í/ú) make a hiatus; a weak vowel beside another vowel makes a diphthong.
 */
export function syllables(word: string): string[] {
	const list = units(word.toLowerCase());
	// Each nucleus is a run of vowel units; a hiatus starts a new one.
	const nuclei: { start: number; end: number }[] = [];
	for (let i = 0; i < list.length; i++) {
		const unit = list[i]!;
		if (!unit.vowel) continue;
		const last = nuclei.at(-1);
		const previous = list[i - 1];
		if (last && last.end === i - 1 && previous && !(strong(previous) && strong(unit))) {
			last.end = i;
		} else {
			nuclei.push({ start: i, end: i });
		}
	}
	if (nuclei.length === 0) return word ? [word.toLowerCase()] : [];

	// Where each syllable starts: consonants between two nuclei are shared out by Spanish rules.
	const starts = [0];
	for (let n = 1; n < nuclei.length; n++) {
		const from = nuclei[n - 1]!.end + 1;
		const to = nuclei[n]!.start;
		const consonants = list.slice(from, to).map((u) => u.text);
		const count = consonants.length;
		let split: number;
		if (count === 0) split = to;
		else if (count === 1) split = from;
		else if (count === 2) split = ONSET_CLUSTERS.has(consonants.join('')) ? from : from + 1;
		else if (count === 3)
			split = ONSET_CLUSTERS.has(consonants.slice(1).join('')) ? from + 1 : from + 2;
		else split = to - 2;
		starts.push(split);
	}
	return starts.map((start, n) =>
		list
			.slice(start, starts[n + 1] ?? list.length)
			.map((u) => u.text)
			.join('')
	);
}

/** How many syllables a word has; a number counts one syllable per digit (a rough reading). */
export function syllableCount(word: string): number {
	if (/^\d+$/.test(word)) return word.length;
	return Math.max(1, syllables(word).length);
}

/** The words of a text: letters and digits, apostrophes kept inside words. */
export function words(text: string): string[] {
	return text.match(/[\p{L}\d]+(?:['’][\p{L}]+)*/gu) ?? [];
}

/**
 * Sentences end at ".", "!", "?" or "…" followed by a space, or at a line break. A point inside a
 * number ("1.5") or after an initial ("Bogotá D.C. es", "Ana M. Epieyú") does not end one: the
 * text goes on, and counting it as two sentences would make it look easier than it is.
 */
export function sentences(text: string): string[] {
	return text
		.split(/(?<=[.!?…])(?<!(?:^|[^\p{L}.])(?:\p{Lu}\.)+)\s+|\n+/u)
		.map((sentence) => sentence.trim())
		.filter((sentence) => words(sentence).length > 0);
}

export interface Readability {
	words: number;
	sentences: number;
	syllables: number;
	/** Fernández Huerta reading ease: 70 or more is easy enough for the public. */
	score: number;
}

/**
 * Fernández Huerta (1959) as corrected by Law (2011), the Spanish Flesch reading ease:
 * L = 206.84 − 60 × (syllables per word) − 1.02 × (words per sentence).
 */
export function fernandezHuerta(text: string): Readability {
	const parts = sentences(text);
	const all = parts.flatMap(words);
	const syllableTotal = all.reduce((sum, word) => sum + syllableCount(word), 0);
	if (all.length === 0) return { words: 0, sentences: 0, syllables: 0, score: 100 };
	const score = 206.84 - (60 * syllableTotal) / all.length - (1.02 * all.length) / parts.length;
	return {
		words: all.length,
		sentences: parts.length,
		syllables: syllableTotal,
		score: Math.round(score * 10) / 10
	};
}

/** Sentences longer than `max` words. */
export function longSentences(text: string, max = 30): string[] {
	return sentences(text).filter((sentence) => words(sentence).length > max);
}

/** Acronyms: two or more capital letters, with an optional plural "s" ("PQRSD", "OPAs"). */
export function acronyms(text: string): string[] {
	const found = text.match(/(?<![\p{L}\d])[A-ZÁÉÍÓÚÑ]{2,}(?=s?(?![\p{L}\d]))/gu) ?? [];
	return [...new Set(found)];
}
