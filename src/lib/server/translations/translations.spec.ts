import { eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { charter } from '$lib/content/charter';
import { resolve } from '$lib/content/types';
import { resetStrings, translator } from '$lib/i18n/translator';
import { charterView } from '../content';
import { auditLog, translations as table } from '../db/schema';
import { live } from '../live';
import { useTestDatabase } from '../testing/database';
import { refusalCode } from '../testing/refusals';
import type { StaffUser } from '../staff';
import { coverage, sourceTexts, translations } from '.';

// Never Wayuunaiki: every text these tests write says it is a test.
const db = useTestDatabase();
const translator1: StaffUser = { id: 't1', email: 'traductora@example.org', roles: ['translator'] };
const translator2: StaffUser = {
	id: 't2',
	email: 'otro@example.org',
	roles: ['translator', 'reviewer']
};
const reviewer: StaffUser = { id: 'r1', email: 'revisor@example.org', roles: ['reviewer'] };
const agent: StaffUser = { id: 'a1', email: 'agente@example.org', roles: ['agent'] };

afterAll(async () => {
	resetStrings('guc');
});

const save = (key: string, text: string, actor = translator1) =>
	translations.save(db(), { lang: 'guc', key, text }, actor);
const approve = (key: string, actor = reviewer) =>
	translations.review(db(), { lang: 'guc', key, decision: 'approve' }, actor);

describe('the catalogue of texts', () => {
	it('lists interface strings and content fields, but not the console nor the API documentation', () => {
		const keys = sourceTexts().map((text) => text.key);
		expect(keys).toContain('common:nav.charter');
		expect(keys).toContain('content:carta.derechos.items.0');
		expect(keys.some((key) => key.startsWith('staff:') || key.startsWith('api:'))).toBe(false);
		expect(new Set(keys).size).toBe(keys.length);
	});

	it('says where a text shows and which placeholders it has', async () => {
		const entry = await translations.get(db(), 'guc', 'content:carta.derechos.title');
		expect(entry).toMatchObject({ page: '/carta-de-trato-digno#derechos', state: 'missing' });
		const one = sourceTexts().find((text) => text.key.endsWith('_one'))!;
		expect((await translations.get(db(), 'guc', one.key)).plural).toBe('one');
	});
});

describe('saving a translation', () => {
	it('keeps it as a draft with its author, normalising the glottal stop, and audits it', async () => {
		const entry = await save('common:nav.charter', '  Prueba a\u2019a  ');
		expect(entry).toMatchObject({
			state: 'draft',
			text: "Prueba a'a",
			published: null,
			writtenBy: translator1.email
		});
		const audits = await db()
			.select()
			.from(auditLog)
			.where(eq(auditLog.action, 'translation.saved'));
		expect(audits).toHaveLength(1);
		expect(audits[0]).toMatchObject({
			actor: translator1.email,
			subject: 'guc:common:nav.charter'
		});
	});

	it('refuses placeholders that differ from the Spanish', async () => {
		const key = sourceTexts().find((text) => text.placeholders.includes('count'))!.key;
		expect(await refusalCode(save(key, 'Prueba sin el número'))).toBe('PLACEHOLDERS_DIFFER');
		expect(await refusalCode(save(key, 'Prueba {{count}} {{otro}}'))).toBe('PLACEHOLDERS_DIFFER');
		const spanish = sourceTexts().find((text) => text.key === key)!;
		const right = `Prueba ${spanish.placeholders.map((name) => `{{${name}}}`).join(' ')}`;
		expect(await refusalCode(save(key, right))).toBe('ok');
	});

	it('refuses an unknown key, an empty text, and an account without the translator role', async () => {
		expect(await refusalCode(save('common:no.such.key', 'Prueba'))).toBe('NOT_FOUND');
		expect(await refusalCode(save('common:nav.charter', ' \u2019 '.slice(0, 1)))).toBe(
			'VALIDATION_FAILED'
		);
		expect(await refusalCode(save('common:nav.charter', 'Prueba', agent))).toBe('FORBIDDEN');
		expect(await db().select().from(table)).toHaveLength(0);
	});
});

describe('reviewing a translation (four eyes)', () => {
	it('refuses the author, then publishes what another account approves, in every process at once', async () => {
		await save('common:nav.charter', 'Prueba de menú', translator2);
		expect(await refusalCode(approve('common:nav.charter', translator2))).toBe('OWN_TEXT');

		const guc = await translator('guc');
		await live.fresh(db());
		expect(guc.part('common:nav.charter')).toMatchObject({ lang: 'es' });

		const reviewed = await approve('common:nav.charter');
		expect(reviewed).toMatchObject({
			state: 'reviewed',
			published: 'Prueba de menú',
			reviewedBy: reviewer.email
		});
		await live.fresh(db());
		expect(guc.part('common:nav.charter')).toEqual({ text: 'Prueba de menú', lang: 'guc' });
	});

	it('keeps the reviewed text on the pages while a new draft waits', async () => {
		await save('common:nav.charter', 'Prueba uno');
		await approve('common:nav.charter');
		await save('common:nav.charter', 'Prueba dos');
		await live.fresh(db());
		expect((await translator('guc')).t('common:nav.charter')).toBe('Prueba uno');
		const entry = await translations.get(db(), 'guc', 'common:nav.charter');
		expect(entry).toMatchObject({ state: 'draft', text: 'Prueba dos', published: 'Prueba uno' });
	});

	it('sends a draft back with a note, which the next writing clears', async () => {
		await save('common:nav.charter', 'Prueba');
		expect(
			await refusalCode(
				translations.review(
					db(),
					{ lang: 'guc', key: 'common:nav.charter', decision: 'return' },
					reviewer
				)
			)
		).toBe('VALIDATION_FAILED');
		const returned = await translations.review(
			db(),
			{ lang: 'guc', key: 'common:nav.charter', decision: 'return', note: 'Falta una palabra' },
			reviewer
		);
		expect(returned).toMatchObject({ state: 'draft', returned: { note: 'Falta una palabra' } });
		expect((await save('common:nav.charter', 'Prueba corregida')).returned).toBeNull();
	});

	it('refuses a review of nothing, and of a text changed since the reviewer read it', async () => {
		expect(await refusalCode(approve('common:nav.services'))).toBe('NOTHING_TO_REVIEW');
		await save('common:nav.services', 'Prueba primera');
		await save('common:nav.services', 'Prueba segunda');
		expect(
			await refusalCode(
				translations.review(
					db(),
					{ lang: 'guc', key: 'common:nav.services', decision: 'approve', seen: 'Prueba primera' },
					reviewer
				)
			)
		).toBe('TEXT_CHANGED');
	});

	it('turns a reviewed text back to draft when its Spanish changed, and says what it was', async () => {
		await save('common:nav.charter', 'Prueba');
		await approve('common:nav.charter');
		// As if the Spanish had been different when the text was written.
		await db().update(table).set({ source: 'Otra carta', publishedSource: 'Otra carta' });
		const entry = await translations.get(db(), 'guc', 'common:nav.charter');
		expect(entry).toMatchObject({
			state: 'draft',
			published: null,
			sourceChanged: { was: 'Otra carta' }
		});
		await live.fresh(db());
		await live.load(db());
		expect((await translator('guc')).part('common:nav.charter').lang).toBe('es');
		expect(await refusalCode(approve('common:nav.charter', translator2))).toBe('SOURCE_CHANGED');
		// The translator confirms the same text for the new Spanish; then it can be approved.
		await save('common:nav.charter', 'Prueba');
		expect(await refusalCode(approve('common:nav.charter', translator2))).toBe('ok');
	});
});

describe('content blocks', () => {
	it('show translated once every shown field of the block is reviewed, never before', async () => {
		const fields = sourceTexts().filter((text) => text.block?.key === 'carta.en-pocas-palabras');
		expect(fields.length).toBeGreaterThan(1);
		const [first, ...rest] = fields;
		await save(first!.key, 'Prueba: título');
		await approve(first!.key);
		await live.load(db());
		expect(resolve(charter.summary, 'guc')).toMatchObject({ lang: 'es', review: 'draft' });

		for (const [index, field] of rest.entries()) {
			await save(field.key, `Prueba: punto ${index + 1}`);
			await approve(field.key);
		}
		await live.load(db());
		const view = charterView('guc', await translator('guc'), { today: '2026-11-24' }).summary;
		expect(view).toMatchObject({ lang: 'guc', review: 'reviewed', title: 'Prueba: título' });
		expect(view.items).toEqual(rest.map((_, index) => `Prueba: punto ${index + 1}`));
		expect(resolve(charter.summary, 'es').text.title).toBe('En pocas palabras');
	});
});

describe('the list, its search and its counts', () => {
	it('finds texts in both languages, folding ü and the glottal stop, and counts each state', async () => {
		await save('common:nav.charter', "Prueba xo'otüchi");
		const byWayuunaiki = await translations.list(db(), { lang: 'guc', q: 'XO\u2019OTUCHI' });
		expect(byWayuunaiki.entries.map((entry) => entry.key)).toEqual(['common:nav.charter']);
		const bySpanish = await translations.list(db(), {
			lang: 'guc',
			q: 'lingüistica pruebá',
			group: 'common'
		});
		expect(bySpanish.total).toBe(0);
		const all = await translations.list(db(), { lang: 'guc' });
		expect(all.counts.draft).toBe(1);
		expect(all.counts.reviewed + all.counts.draft + all.counts.missing).toBe(sourceTexts().length);
		const drafts = await translations.list(db(), { lang: 'guc', state: 'draft' });
		expect(drafts.entries.map((entry) => entry.key)).toEqual(['common:nav.charter']);
	});

	it('puts the texts that say just what was searched first', async () => {
		await save('common:nav.charter', 'Prueba orden y algo más');
		await save('common:nav.services', 'Prueba orden');
		const found = await translations.list(db(), { lang: 'guc', q: 'prueba ORDEN' });
		expect(found.entries.map((entry) => entry.key)).toEqual([
			'common:nav.services',
			'common:nav.charter'
		]);
	});

	it('reports the coverage this instance loaded', async () => {
		await save('common:nav.charter', 'Prueba');
		await approve('common:nav.charter');
		await save('common:nav.services', 'Prueba');
		await live.load(db());
		const { interface: strings, all } = coverage();
		expect(strings).toMatchObject({ reviewed: 1, draft: 1 });
		expect(all.missing).toBe(sourceTexts().length - 2);
	});
});

describe('the translators’ sheet', () => {
	it('exports the texts and imports changed ones as drafts of the importer, never as reviewed', async () => {
		await save('common:nav.charter', 'Prueba');
		const csv = await translations.exportCsv(db(), 'guc');
		expect(csv.startsWith('\ufeffkey,spanish,wayuunaiki,state')).toBe(true);
		const edited = csv
			.replace(/^(common:nav\.charter,[^,]*,)Prueba,draft/m, '$1Prueba cambiada,reviewed')
			.replace(/^(common:nav\.services,[^,]*,),missing/m, '$1Prueba a\u2019a,draft');
		const result = await translations.importCsv(db(), 'guc', edited, translator2);
		expect(result.saved.sort()).toEqual(['common:nav.charter', 'common:nav.services']);
		expect(result.normalised).toEqual(['common:nav.services']);
		const services = await translations.get(db(), 'guc', 'common:nav.services');
		expect(services).toMatchObject({
			state: 'draft',
			text: "Prueba a'a",
			writtenBy: translator2.email
		});
		expect((await translations.get(db(), 'guc', 'common:nav.charter')).state).toBe('draft');
	});

	it('refuses a sheet with errors and changes nothing', async () => {
		const bad =
			'\ufeffkey,spanish,wayuunaiki,state,context,audio_needed\r\ncommon:no.such,x,Prueba,draft,,\r\n';
		expect(await refusalCode(translations.importCsv(db(), 'guc', bad, translator1))).toBe(
			'SHEET_INVALID'
		);
		expect(await db().select().from(table)).toHaveLength(0);
	});
});
