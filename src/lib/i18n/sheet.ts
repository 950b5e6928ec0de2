import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { normaliseGlottalStop } from './glottal';

/**
 * The Wayuunaiki translators' sheet: one row per string (locale keys `ns:key`, content fields
 * `content:block.field`), exported to CSV and read back with validation.
 */

export type State = 'reviewed' | 'draft' | 'missing';
export const STATES: State[] = ['reviewed', 'draft', 'missing'];

export interface Row {
	key: string;
	spanish: string;
	wayuunaiki: string;
	state: State;
	context: string;
	/** "sí" when a Wayuunaiki recording of this text is wanted. */
	audio: string;
}

export const COLUMNS = [
	'key',
	'spanish',
	'wayuunaiki',
	'state',
	'context',
	'audio_needed'
] as const;

type Tree = { [key: string]: string | Tree };

/** `{ a: { b: 'x' } }` → `a.b` → `x`; arrays become `.0`, `.1`, … */
export function flatten(value: unknown, prefix = '', out = new Map<string, string>()) {
	if (typeof value === 'string') out.set(prefix, value);
	else if (value && typeof value === 'object') {
		for (const [key, child] of Object.entries(value))
			flatten(child, prefix ? `${prefix}.${key}` : key, out);
	}
	return out;
}

/** The inverse of flatten for locale files (objects only). */
export function unflatten(entries: Iterable<[string, string]>): Tree {
	const root: Tree = {};
	for (const [path, value] of entries) {
		const parts = path.split('.');
		let node = root;
		for (const part of parts.slice(0, -1)) {
			const next = node[part];
			node = (typeof next === 'object' ? next : (node[part] = {})) as Tree;
		}
		node[parts.at(-1)!] = value;
	}
	return root;
}

/** Content fields back into the block's shape: numeric parts become arrays. */
export function unflattenBlock(entries: Iterable<[string, string]>): Record<string, unknown> {
	const tree = unflatten(entries);
	const arrays = (node: unknown): unknown => {
		if (typeof node !== 'object' || node === null) return node;
		const keys = Object.keys(node);
		const values = Object.values(node).map(arrays);
		return keys.length && keys.every((key, index) => key === String(index))
			? values
			: Object.fromEntries(keys.map((key, index) => [key, values[index]]));
	};
	return arrays(tree) as Record<string, unknown>;
}

const PLACEHOLDER = /\{\{\s*([\w.-]+)\s*(?:,[^}]*)?\}\}/g;

/** The `{{name}}` placeholders of a string, sorted. */
export function placeholders(text: string): string[] {
	return [...text.matchAll(PLACEHOLDER)].map((match) => match[1]!).sort();
}

const NOTES: Record<string, string> = {
	accessibility: 'Declaración de accesibilidad',
	audio: 'Reproductor de audio y página de audios sin conexión',
	booking: 'Citas por videollamada: pedir, cambiar, cancelar; correos de la cita',
	callbacks: 'Pedir que le llamen',
	calls: 'La videollamada: sala de espera, llamada, chat, prueba de cámara y micrófono',
	channels: 'Canales de atención y horarios',
	charter: 'Carta de trato digno',
	common: 'Partes de todas las páginas: menú, pie de página, avisos',
	errors: 'Páginas de error',
	forms: 'Formularios: mensajes comunes',
	glossary: 'Glosario',
	home: 'Página de inicio',
	indicators: 'Indicadores publicados',
	offline: 'Uso sin conexión y "Mis trámites"',
	pqrsd: 'Hacer una petición, queja, reclamo, sugerencia o denuncia',
	privacy: 'Política de tratamiento de datos',
	problems: 'Mensajes de error de la interfaz de programación (API)',
	radicado: 'Consultar un radicado',
	services: 'Servicios y trámites',
	surveys: 'Encuesta de satisfacción',
	validation: 'Errores de los campos de un formulario'
};

const PLURAL = /_(zero|one|two|few|many|other)$/;

/** A note for the translator: where the text shows, what must stay as it is. */
export function contextNote(key: string, spanish: string, base?: string): string {
	const notes = [base ?? NOTES[key.split(':')[0]!] ?? ''];
	const plural = PLURAL.exec(key)?.[1];
	if (plural === 'one') notes.push('Forma para una sola cosa (1).');
	if (plural === 'other') notes.push('Forma para varias cosas (0, 2 o más).');
	const names = placeholders(spanish);
	if (names.length)
		notes.push(`Deje ${names.map((name) => `{{${name}}}`).join(', ')} sin traducir.`);
	return notes.filter(Boolean).join(' ');
}

// CSV (RFC 4180) with CRLF line ends and a byte-order mark first, so spreadsheet programs read
// the accents right. A lone line feed inside a cell is quoted too: spreadsheets end a row there.
export function toCsv(rows: Row[]): string {
	const cells = rows.map((row) => [
		row.key,
		row.spanish,
		row.wayuunaiki,
		row.state,
		row.context,
		row.audio
	]);
	return stringify([[...COLUMNS], ...cells], {
		bom: true,
		record_delimiter: 'windows',
		quoted_match: /[\r\n]/
	});
}

/** The rows of a sheet, without the byte-order mark and without blank rows. */
export function parseCsv(text: string): string[][] {
	const rows: string[][] = parse(text, { bom: true, relax_column_count: true });
	return rows.filter((cells) => cells.some((cell) => cell.trim()));
}

export interface SourceString {
	key: string;
	spanish: string;
	wayuunaiki?: string;
	state: State;
	context: string;
	audio: boolean;
}

export function rowsOf(strings: SourceString[]): Row[] {
	return strings.map((string) => ({
		key: string.key,
		spanish: string.spanish,
		wayuunaiki: string.wayuunaiki ?? '',
		state: string.state,
		context: string.context,
		audio: string.audio ? 'sí' : ''
	}));
}

export interface Imported {
	/** Every key with Wayuunaiki text after the import, and its state. */
	translations: Map<string, { text: string; state: 'reviewed' | 'draft' }>;
	errors: string[];
	warnings: string[];
	/** Keys whose apostrophe look-alikes were turned into U+0027. */
	normalised: string[];
	/** Every key the sheet has a row for. */
	keys: Set<string>;
}

/**
 * Reads a sheet back. Fails (errors) on a wrong header, unknown or repeated keys, placeholders
 * that differ from the Spanish, and states other than reviewed/draft/missing; a blank cell means
 * "not translated yet". Warns when the Spanish source changed since the sheet was exported.
 */
export function readSheet(csv: string, known: Map<string, string>): Imported {
	const [header, ...body] = parseCsv(csv);
	const result: Imported = {
		translations: new Map(),
		errors: [],
		warnings: [],
		normalised: [],
		keys: new Set()
	};
	if (!header || COLUMNS.some((column, index) => header[index]?.trim() !== column)) {
		result.errors.push(`the first row must be: ${COLUMNS.join(',')}`);
		return result;
	}
	body.forEach((cells, index) => {
		const line = index + 2;
		const [key = '', spanish = '', raw = '', rawState = ''] = cells.map((cell) => cell ?? '');
		const where = `line ${line} (${key || 'no key'})`;
		if (!known.has(key)) return result.errors.push(`${where}: unknown key`);
		if (result.keys.has(key)) return result.errors.push(`${where}: the key appears twice`);
		result.keys.add(key);
		const source = known.get(key)!;
		if (spanish.trim() && spanish !== source) {
			result.warnings.push(
				`${where}: the Spanish text changed since the export; check the translation`
			);
		}
		const text = normaliseGlottalStop(raw.normalize('NFC')).trim();
		if (text !== raw.trim()) result.normalised.push(key);
		const state = (rawState.trim() || (text ? 'draft' : 'missing')) as State;
		if (!STATES.includes(state)) {
			return result.errors.push(
				`${where}: state must be reviewed, draft or missing, not "${rawState}"`
			);
		}
		if (!text) {
			if (state !== 'missing')
				result.errors.push(`${where}: state "${state}" but the Wayuunaiki cell is blank`);
			return;
		}
		if (state === 'missing') {
			return result.errors.push(
				`${where}: Wayuunaiki text given but state is "missing"; use draft or reviewed`
			);
		}
		const want = placeholders(source).join(',');
		const got = placeholders(text).join(',');
		if (want !== got) {
			return result.errors.push(
				`${where}: placeholders must match the Spanish: expected [${want}], found [${got}]`
			);
		}
		result.translations.set(key, { text, state });
	});
	return result;
}

export interface Coverage {
	group: string;
	reviewed: number;
	draft: number;
	missing: number;
}

/** Counts per namespace (`booking`) or content type (`content:servicio`). */
export function coverage(strings: Pick<SourceString, 'key' | 'state'>[]): Coverage[] {
	const groups = new Map<string, Coverage>();
	for (const { key, state } of strings) {
		const [ns, rest = ''] = key.split(':');
		const group = ns === 'content' ? `content:${rest.split('.')[0]}` : ns!;
		const counts = groups.get(group) ?? { group, reviewed: 0, draft: 0, missing: 0 };
		counts[state] += 1;
		groups.set(group, counts);
	}
	return [...groups.values()].sort((a, b) => a.group.localeCompare(b.group));
}

export const percent = (part: number, all: number) =>
	all ? Math.round((1000 * part) / all) / 10 : 0;
