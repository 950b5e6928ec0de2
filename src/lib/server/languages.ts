import { percent } from '$lib/i18n/sheet';
import { LANGUAGE_NAMES, LOCALES, DEFAULT_LOCALE, type Locale } from '$lib/i18n/locales';
import { recordedMinutes } from './recordings';
import { coverage, type Counts } from './translations';

/** How far a language is: the share of texts reviewed, drafted and missing, and recorded minutes. */
export interface LanguageCoverage {
	code: Locale;
	name: string;
	/** Spanish is the source: every text exists in it. */
	source: boolean;
	strings: Counts & {
		total: number;
		reviewedPercent: number;
		draftPercent: number;
		missingPercent: number;
	};
	/** Minutes of recordings a reviewer approved (synthesised Spanish voice not counted). */
	recordedMinutes: number;
}

/** Every language, as this instance last loaded it from the database (see `live.ts`). */
export function languagesCoverage(): LanguageCoverage[] {
	const { all } = coverage();
	const total = all.reviewed + all.draft + all.missing;
	const minutes = recordedMinutes();
	return LOCALES.map((code) => {
		const counts = code === DEFAULT_LOCALE ? { reviewed: total, draft: 0, missing: 0 } : all;
		return {
			code,
			name: LANGUAGE_NAMES[code],
			source: code === DEFAULT_LOCALE,
			strings: {
				...counts,
				total,
				reviewedPercent: percent(counts.reviewed, total),
				draftPercent: percent(counts.draft, total),
				missingPercent: percent(counts.missing, total)
			},
			recordedMinutes: Math.round(minutes[code] * 100) / 100
		};
	});
}
