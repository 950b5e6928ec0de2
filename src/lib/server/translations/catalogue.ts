import { contentBlocks, type ContentBlock } from '$lib/i18n/blocks';
import { DEFAULT_LOCALE } from '$lib/i18n/locales';
import { flatten, placeholders } from '$lib/i18n/sheet';
import { fileReview, fileStrings } from '$lib/i18n/translator';
import { INSTRUCTIONS, STEPS } from '$lib/audio/catalogue';

/**
 * Every text a translator can work on: each interface string citizens see (`ns:key`) and each
 * field of each content block (`content:servicio.{slug}.steps.0`), with its Spanish source, where
 * it shows and the translation shipped in the files, if any. The console (`staff`) and the API's
 * documentation (`api`) are for officials and programmers, in Spanish: they are not listed.
 */
export interface SourceText {
	key: string;
	spanish: string;
	/** A namespace (`booking`) or a kind of content (`content:servicio`), for the studio's filter. */
	group: string;
	/** The page it shows on, without the language (`/citas`, `/contacto#telefono`); null: no page. */
	page: string | null;
	/** A plural form: `one` or `other`. */
	plural: string | null;
	placeholders: string[];
	/** A recording of a text this string is part of is wanted. */
	audio: boolean;
	/** For content fields: the block and the field; a block shows translated once every field is. */
	block: { key: string; field: string; required: boolean } | null;
	/** The translation shipped in `locales/guc/*.json` or a block's `guc` field. */
	shipped: { text: string; state: 'draft' | 'reviewed' } | null;
}

export const LEFT_OUT = ['staff', 'studio', 'api'];

/** Where each namespace's strings show (the first page that uses them). */
const PAGES: Record<string, string | null> = {
	accessibility: '/accesibilidad',
	audio: '/audios',
	booking: '/citas',
	callbacks: '/te-llamamos',
	channels: '/contacto',
	charter: '/carta-de-trato-digno',
	common: '',
	errors: null,
	forms: '/pqrsd',
	glossary: '/glosario',
	home: '',
	indicators: '/indicadores',
	offline: '/mis-tramites',
	pqrsd: '/pqrsd',
	privacy: '/privacidad',
	problems: null,
	radicado: '/radicado',
	services: '/servicios',
	surveys: '/encuesta',
	validation: '/pqrsd'
};

function contentPage(key: string): string {
	const [kind, ...rest] = key.split('.');
	const id = rest.join('.');
	if (kind === 'carta') return `/carta-de-trato-digno#${id}`;
	if (kind === 'servicio') return `/servicios/${id}`;
	if (kind === 'canal') return `/contacto#${id}`;
	return `/glosario#${id}`;
}

const PLURAL = /_(one|other|many)$/;

function build(): SourceText[] {
	const audioKeys = new Set([...INSTRUCTIONS, ...STEPS].flatMap((slot) => slot.keys));
	const guc = fileStrings('guc');
	const review = fileReview('guc');
	const texts: SourceText[] = [];
	for (const [ns, strings] of Object.entries(fileStrings(DEFAULT_LOCALE)).sort(([a], [b]) =>
		a.localeCompare(b)
	)) {
		if (LEFT_OUT.includes(ns)) continue;
		const translated = flatten(guc[ns] ?? {});
		for (const [path, spanish] of flatten(strings)) {
			const key = `${ns}:${path}`;
			const shipped = translated.get(path);
			texts.push({
				key,
				spanish,
				group: ns,
				page: PAGES[ns] ?? null,
				plural: PLURAL.exec(path)?.[1] ?? null,
				placeholders: placeholders(spanish),
				audio: audioKeys.has(key),
				block: null,
				shipped: shipped
					? { text: shipped, state: review[key] === 'reviewed' ? 'reviewed' : 'draft' }
					: null
			});
		}
	}
	for (const content of contentBlocks()) texts.push(...blockTexts(content));
	return texts;
}

function blockTexts({ key, audio, block }: ContentBlock): SourceText[] {
	const shipped = block.guc ? flatten(block.guc.text) : new Map<string, string>();
	return [...flatten(block.es)].map(([field, spanish]) => {
		const text = shipped.get(field);
		return {
			key: `content:${key}.${field}`,
			spanish,
			group: `content:${key.split('.')[0]}`,
			page: contentPage(key),
			plural: null,
			placeholders: placeholders(spanish),
			audio,
			// Search words are not shown: a block shows translated without them.
			block: { key, field, required: !field.startsWith('keywords.') },
			shipped: text && block.guc ? { text, state: block.guc.review } : null
		};
	});
}

let built: { list: SourceText[]; byKey: Map<string, SourceText> } | undefined;

/** Builds the list again at its next use: the content studio published a new Spanish text. */
export function rebuildCatalogue(): void {
	built = undefined;
}

function catalogue() {
	if (!built) {
		const list = build();
		built = { list, byKey: new Map(list.map((text) => [text.key, text])) };
	}
	return built;
}

/** Every text, in the order of the namespaces and then of the site's content. */
export function sourceTexts(): SourceText[] {
	return catalogue().list;
}

export function sourceText(key: string): SourceText | undefined {
	return catalogue().byKey.get(key);
}

/** The filter's groups, in the order of the list. */
export function groups(): string[] {
	return [...new Set(sourceTexts().map((text) => text.group))];
}
