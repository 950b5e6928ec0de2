import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { INSTRUCTIONS } from '$lib/audio/catalogue';
import { contentBlocks } from './blocks';
import { coverage, parseCsv, toCsv, type Row } from './sheet';
import { exportSheet, importSheet, sourceStrings, type Sources } from './sheet-files';

// Test text only, in a temporary copy: nobody may write made-up Wayuunaiki into the real locales.
const sources: Sources = {
	blocks: contentBlocks(),
	audioKeys: new Set(INSTRUCTIONS.flatMap((instruction) => instruction.keys))
};
let root: string;

beforeEach(() => {
	root = mkdtempSync(join(tmpdir(), 'ventanilla-i18n-'));
	cpSync('locales', join(root, 'locales'), { recursive: true });
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const readRows = (file: string) => {
	const [header, ...rows] = parseCsv(readFileSync(file, 'utf8'));
	return rows.map((cells) => Object.fromEntries(header!.map((name, i) => [name, cells[i]])));
};
const json = (path: string) => JSON.parse(readFileSync(join(root, path), 'utf8'));

function exported() {
	const file = join(root, 'sheet.csv');
	exportSheet(root, sources, file);
	return { file, rows: readRows(file) };
}

function fill(
	rows: Record<string, string | undefined>[],
	values: Record<string, [string, string]>
) {
	return rows.map((row) =>
		values[row.key!]
			? { ...row, wayuunaiki: values[row.key!]![0], state: values[row.key!]![1] }
			: row
	) as unknown as Row[];
}

describe('the translators sheet', () => {
	it('lists every Spanish string and content field with its state, context and audio need', () => {
		const { rows } = exported();
		const intro = rows.find((row) => row.key === 'booking:intro')!;
		expect(intro).toMatchObject({ state: 'missing', wayuunaiki: '', audio_needed: 'sí' });
		expect(intro.spanish).toContain('videollamada');
		expect(rows.find((row) => row.key === 'booking:day.places_one')!.context).toContain(
			'Deje {{count}} sin traducir.'
		);
		expect(rows.find((row) => row.key === 'content:carta.derechos.title')).toMatchObject({
			spanish: 'Sus derechos',
			audio_needed: 'sí'
		});
	});

	it('round-trips: an imported sheet exports again with the same texts and states', () => {
		const { file, rows } = exported();
		const filled = fill(rows, {
			'booking:intro': ['PRUEBA a\u2019i', 'reviewed'],
			'booking:day.places_one': ['PRUEBA {{count}} a\u02BCi', 'draft'],
			'content:carta.derechos.title': ['PRUEBA carta a\uA78Ci', 'draft']
		});
		writeFileSync(file, toCsv(filled));

		const result = importSheet(root, sources, file);
		expect(result.errors).toEqual([]);
		expect(result.normalised.sort()).toEqual([
			'booking:day.places_one',
			'booking:intro',
			'content:carta.derechos.title'
		]);
		expect(json('locales/guc/booking.json')).toMatchObject({
			intro: "PRUEBA a'i",
			day: { places_one: "PRUEBA {{count}} a'i" }
		});
		expect(json('locales/guc.review.json')).toEqual({
			'booking:day.places_one': 'draft',
			'booking:intro': 'reviewed'
		});

		const again = exported().rows;
		const pick = (key: string) => again.find((row) => row.key === key)!;
		expect(pick('booking:intro')).toMatchObject({ wayuunaiki: "PRUEBA a'i", state: 'reviewed' });
		expect(pick('content:carta.derechos.title')).toMatchObject({
			wayuunaiki: "PRUEBA carta a'i",
			state: 'draft'
		});
		expect(again).toHaveLength(rows.length);
	});

	it('refuses a sheet with unknown keys, changed placeholders or bad states, writing nothing', () => {
		const { file, rows } = exported();
		const filled = fill(rows, {
			'booking:day.places_one': ['PRUEBA {{number}}', 'draft'],
			'booking:intro': ['PRUEBA', 'approved']
		});
		filled.push({ ...filled[0]!, key: 'booking:nope' });
		writeFileSync(file, toCsv(filled));
		const before = readFileSync(join(root, 'locales/guc/booking.json'), 'utf8');

		const result = importSheet(root, sources, file);
		expect(result.written).toBe(false);
		expect(result.errors.join('\n')).toMatch(/places_one.*placeholders must match/);
		expect(result.errors.join('\n')).toMatch(/booking:intro.*state must be/);
		expect(result.errors.join('\n')).toMatch(/booking:nope.*unknown key/);
		expect(readFileSync(join(root, 'locales/guc/booking.json'), 'utf8')).toBe(before);
	});

	it('removes a translation whose cell is left blank', () => {
		const { file, rows } = exported();
		writeFileSync(file, toCsv(fill(rows, { 'booking:intro': ['PRUEBA', 'draft'] })));
		importSheet(root, sources, file);
		writeFileSync(file, toCsv(fill(rows, { 'booking:intro': ['', 'missing'] })));
		expect(importSheet(root, sources, file).errors).toEqual([]);
		expect(json('locales/guc/booking.json')).toEqual({});
		expect(json('locales/guc.review.json')).toEqual({});
	});

	it('counts coverage per namespace and per kind of content', () => {
		const { file, rows } = exported();
		writeFileSync(file, toCsv(fill(rows, { 'radicado:title': ['PRUEBA', 'reviewed'] })));
		importSheet(root, sources, file);
		const groups = coverage(sourceStrings(root, sources));
		const radicado = groups.find((group) => group.group === 'radicado')!;
		expect(radicado.reviewed).toBe(1);
		expect(radicado.missing).toBe(radicado.draft + radicado.missing + radicado.reviewed - 1);
		expect(groups.map((group) => group.group)).toContain('content:servicio');
	});
});

describe('CSV', () => {
	it('keeps commas, quotes and line breaks inside cells', () => {
		const row: Row = {
			key: 'a:b',
			spanish: 'Uno, "dos"\ntres',
			wayuunaiki: '',
			state: 'missing',
			context: '',
			audio: ''
		};
		const [, cells] = parseCsv(toCsv([row]));
		expect(cells).toEqual(['a:b', 'Uno, "dos"\ntres', '', 'missing', '', '']);
	});

	it('starts with a byte-order mark, ends lines with CRLF and quotes a lone line feed', () => {
		const row: Row = {
			key: 'a:b',
			spanish: 'Uno\ndos',
			wayuunaiki: 'Pütchi',
			state: 'draft',
			context: '',
			audio: 'sí'
		};
		expect(toCsv([row])).toBe(
			'\uFEFFkey,spanish,wayuunaiki,state,context,audio_needed\r\na:b,"Uno\ndos",Pütchi,draft,,sí\r\n'
		);
	});

	it('reads a sheet saved without the byte-order mark, with LF line ends and blank rows', () => {
		expect(parseCsv('key,spanish\na:b,"x, y"\n\n , \nc:d,z\n')).toEqual([
			['key', 'spanish'],
			['a:b', 'x, y'],
			['c:d', 'z']
		]);
	});
});
