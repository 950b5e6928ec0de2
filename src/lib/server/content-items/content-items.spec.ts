import { spawnSync } from 'node:child_process';
import { desc, eq } from 'drizzle-orm';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { audioFor, audiosFor } from '$lib/audio/manifest';
import { channels } from '$lib/content/channels';
import { glossary } from '$lib/content/glossary';
import { resolve } from '$lib/content/types';
import { services } from '$lib/content/services';
import { translator } from '$lib/i18n/translator';
import { channelsView, charterView, serviceView, servicesView } from '../content';
import { auditLog, contentItems, contentVersions } from '../db/schema';
import { live } from '../live';
import type { StaffUser } from '../staff';
import { useTestDatabase } from '../testing/database';
import { refusalCode } from '../testing/refusals';
import { recordings } from '../recordings';
import { translations } from '../translations';
import { contentStudio, followCharter, IMPORTER, publishedWord } from '.';

const db = useTestDatabase();
const ana: StaffUser = { id: 'e1', email: 'ana.editora@example.org', roles: ['editor'] };
const luis: StaffUser = { id: 'e2', email: 'luis.editor@example.org', roles: ['editor'] };
const agent: StaffUser = { id: 'a1', email: 'agente@example.org', roles: ['agent'] };
const i18n = await translator('es');

// Every test starts from the seeded database, loaded into this process.
beforeEach(async () => {
	await live.load(db());
});
afterAll(async () => {
	await live.load(db());
});

const channel = () =>
	channelsView('es', new Date(), i18n).channels.find((c) => c.id === 'presencial')!;

async function changedPresencial() {
	const item = await contentStudio.get(db(), 'channel:presencial');
	const value = structuredClone(item.published) as {
		es: { goodFor: string };
		contact: { address: string };
	};
	value.es.goodFor = 'Sirve para hablar cara a cara. Traiga sus papeles.';
	value.contact.address = 'Calle 1 # 2-3, piso 4';
	return value;
}

describe('the content in the database', () => {
	it('holds every shipped item once, marked demo, as version 1 by the seed', async () => {
		const items = await contentStudio.list(db());
		expect(items.map((item) => item.id)).toEqual([
			'charter:carta',
			...services.map((service) => `service:${service.slug}`),
			...channels.map((c) => `channel:${c.id}`),
			...items.filter((item) => item.kind === 'glossary').map((item) => item.id),
			'calendar:dias-no-habiles'
		]);
		expect(items.filter((item) => item.kind === 'glossary').length).toBeGreaterThan(5);
		for (const item of items) {
			expect(item).toMatchObject({ state: 'published', demo: true, version: 1, draft: null });
		}
		const presencial = items.find((item) => item.id === 'channel:presencial')!;
		expect(presencial.published).toMatchObject({
			availability: { opens: '08:30', closes: '16:30' },
			es: { name: 'En persona' }
		});
	});

	it('lists one kind when asked', async () => {
		const kinds = (await contentStudio.list(db(), { kind: 'channel' })).map((item) => item.kind);
		expect(kinds).toEqual(channels.map(() => 'channel'));
	});

	it('serves the published value on the pages, and the shipped one again for a fresh database', async () => {
		await db()
			.update(contentItems)
			.set({
				published: {
					...(await contentStudio.get(db(), 'service:subsidio-de-gas-en-cilindro')).published,
					responseDays: 9
				},
				demo: false
			})
			.where(eq(contentItems.id, 'service:subsidio-de-gas-en-cilindro'));
		await live.load(db());
		const view = serviceView('es', 'subsidio-de-gas-en-cilindro', i18n)!;
		expect(view).toMatchObject({ responseDays: 9, demo: false });

		await db().delete(contentItems);
		await contentStudio.seed(db());
		await live.load(db());
		expect(serviceView('es', 'subsidio-de-gas-en-cilindro', i18n)).toMatchObject({
			responseDays: 15,
			demo: true
		});
	});

	it('keeps the shipped value of an item whose stored value it cannot read', async () => {
		await db()
			.update(contentItems)
			.set({ published: { availability: 'siempre' } })
			.where(eq(contentItems.id, 'channel:presencial'));
		await live.load(db());
		expect(channel().name).toBe('En persona');
		expect(channel().availability).toMatchObject({ opens: '08:30' });
	});
});

describe('a change by an editor', () => {
	it('stays a draft, unseen by citizens, until another editor approves it; then it shows at once', async () => {
		const word = publishedWord();
		const draft = await contentStudio.save(
			db(),
			'channel:presencial',
			await changedPresencial(),
			ana
		);
		expect(draft).toMatchObject({ state: 'draft', draftBy: ana.email, version: 1 });
		await live.fresh(db());
		expect(channel().goodFor).not.toContain('Traiga sus papeles');
		expect(publishedWord()).toBe(word);

		const published = await contentStudio.review(
			db(),
			'channel:presencial',
			{ decision: 'approve' },
			luis
		);
		expect(published).toMatchObject({ state: 'published', version: 2, demo: false, draft: null });
		await live.fresh(db());
		// The pages' word changes with what is published, so phones keep the new pages.
		expect(publishedWord()).not.toBe(word);
		expect(publishedWord()).toMatch(/^[\w-]{16}$/);
		expect(channel()).toMatchObject({
			goodFor: 'Sirve para hablar cara a cara. Traiga sus papeles.',
			demo: false,
			address: { street: 'Calle 1 # 2-3, piso 4' }
		});
		const charterChannel = charterView('es', i18n, { today: '2026-11-24' })
			.sections.find((section) => section.id === 'canales')!
			.channels.find((c) => c.id === 'presencial')!;
		expect(charterChannel.goodFor).toContain('Traiga sus papeles');

		const versions = await db()
			.select()
			.from(contentVersions)
			.where(eq(contentVersions.itemId, 'channel:presencial'));
		expect(versions.sort((a, b) => a.version - b.version)).toMatchObject([
			{ version: 1, writtenBy: 'seed', approvedBy: 'seed' },
			{ version: 2, writtenBy: ana.email, approvedBy: luis.email }
		]);
		const audits = await db()
			.select()
			.from(auditLog)
			.where(eq(auditLog.subject, 'channel:presencial'));
		expect(audits.map((row) => [row.action, row.actor])).toEqual([
			['content.draft_saved', ana.email],
			['content.approved', luis.email]
		]);
	});

	it('finds a service by the words of its published text', async () => {
		const item = await contentStudio.get(db(), 'service:subsidio-de-gas-en-cilindro');
		const value = structuredClone(item.published) as { es: { requirements: string[] } };
		value.es.requirements.push('Una copia del certificado catastral.');
		await contentStudio.save(db(), item.id, value, ana);
		await contentStudio.review(db(), item.id, { decision: 'approve' }, luis);
		await live.fresh(db());
		expect(serviceView('es', 'subsidio-de-gas-en-cilindro', i18n)!.requirements).toContain(
			'Una copia del certificado catastral.'
		);
		expect(servicesView('es', { q: 'catastral' }).services.map((s) => s.slug)).toEqual([
			'subsidio-de-gas-en-cilindro'
		]);
	});

	it('cannot be approved by its author (OWN_CHANGE), and nothing is published', async () => {
		await contentStudio.save(db(), 'channel:presencial', await changedPresencial(), ana);
		expect(
			await refusalCode(
				contentStudio.review(db(), 'channel:presencial', { decision: 'approve' }, ana)
			)
		).toBe('OWN_CHANGE');
		expect(await contentStudio.get(db(), 'channel:presencial')).toMatchObject({
			state: 'draft',
			version: 1
		});
	});

	it('goes back to its author with a note, which a new draft clears', async () => {
		await contentStudio.save(db(), 'channel:presencial', await changedPresencial(), ana);
		expect(
			await refusalCode(
				contentStudio.review(db(), 'channel:presencial', { decision: 'return' }, luis)
			)
		).toBe('VALIDATION_FAILED');
		const returned = await contentStudio.review(
			db(),
			'channel:presencial',
			{ decision: 'return', note: 'Falta el piso.' },
			luis
		);
		expect(returned).toMatchObject({ state: 'returned', returnNote: 'Falta el piso.' });
		expect(
			await refusalCode(
				contentStudio.review(db(), 'channel:presencial', { decision: 'approve' }, luis)
			)
		).toBe('NOTHING_TO_REVIEW');
		const again = await contentStudio.save(
			db(),
			'channel:presencial',
			await changedPresencial(),
			ana
		);
		expect(again).toMatchObject({ state: 'draft', returnNote: null });
	});

	it('drops the draft when the published value is saved back', async () => {
		await contentStudio.save(db(), 'channel:presencial', await changedPresencial(), ana);
		const item = await contentStudio.get(db(), 'channel:presencial');
		expect(await contentStudio.save(db(), item.id, item.published, luis)).toMatchObject({
			state: 'published',
			draft: null
		});
	});

	it('is refused with field errors when invalid, and without the editor role', async () => {
		const value = await changedPresencial();
		value.es.goodFor = '  ';
		const refusal = await contentStudio
			.save(
				db(),
				'channel:presencial',
				{
					...value,
					availability: { days: [1], opens: '17:00', closes: '08:00', closedOnHolidays: true }
				},
				ana
			)
			.catch((error: unknown) => error);
		expect(refusal).toMatchObject({
			code: 'VALIDATION_FAILED',
			details: {
				fields: expect.arrayContaining([
					{ path: 'es.goodFor', message: 'required' },
					{ path: 'availability.closes', message: 'after_opens' }
				])
			}
		});
		expect(await refusalCode(contentStudio.save(db(), 'channel:nada', value, ana))).toBe(
			'NOT_FOUND'
		);
		expect(await refusalCode(contentStudio.save(db(), 'channel:presencial', value, agent))).toBe(
			'FORBIDDEN'
		);
		expect(await contentStudio.waiting(db())).toBe(0);
	});
});

describe('text under the plain-language bar', () => {
	const HARD =
		'La entidad, en cumplimiento de las disposiciones constitucionales, legales y reglamentarias vigentes, procederá a efectuar la verificación administrativa correspondiente de la documentación aportada.';

	it("needs the author's reason, which the reviewer reads and the version and audit keep", async () => {
		const value = await changedPresencial();
		value.es.goodFor = HARD;
		const refusal = await contentStudio
			.save(db(), 'channel:presencial', value, ana)
			.catch((error: unknown) => error);
		expect(refusal).toMatchObject({
			code: 'VALIDATION_FAILED',
			details: { fields: [{ path: 'reason', message: 'reason_required' }] }
		});
		expect(
			await refusalCode(
				contentStudio.save(db(), 'channel:presencial', value, ana, { reason: '  ' })
			)
		).toBe('VALIDATION_FAILED');
		expect(await contentStudio.waiting(db())).toBe(0);

		const reason = 'Es el texto exacto de la resolución.';
		const saved = await contentStudio.save(db(), 'channel:presencial', value, ana, {
			reason: `  ${reason} `
		});
		expect(saved).toMatchObject({ state: 'draft', draftReason: reason });
		await contentStudio.review(db(), 'channel:presencial', { decision: 'approve' }, luis);
		const [version] = await db()
			.select()
			.from(contentVersions)
			.where(eq(contentVersions.itemId, 'channel:presencial'))
			.orderBy(desc(contentVersions.version))
			.limit(1);
		expect(version).toMatchObject({ version: 2, reason });
		expect((await contentStudio.get(db(), 'channel:presencial')).draftReason).toBeNull();
		const audits = await db()
			.select()
			.from(auditLog)
			.where(eq(auditLog.subject, 'channel:presencial'));
		expect(audits.map((row) => [row.action, (row.data as { reason?: string }).reason])).toEqual([
			['content.draft_saved', reason],
			['content.approved', reason]
		]);
	});

	it('needs no reason when the text is plain, and keeps none', async () => {
		const saved = await contentStudio.save(
			db(),
			'channel:presencial',
			await changedPresencial(),
			ana,
			{
				reason: 'Por si acaso.'
			}
		);
		expect(saved).toMatchObject({ state: 'draft', draftReason: null });
	});

	it('is read section by section in the charter, as check:content reads it', async () => {
		const charter = (await contentStudio.get(db(), 'charter:carta')).published as {
			sections: { es: { intro: string } }[];
		};
		charter.sections[2]!.es.intro = HARD;
		expect(await refusalCode(contentStudio.save(db(), 'charter:carta', charter, ana))).toBe(
			'VALIDATION_FAILED'
		);
	});
});

describe('the charter', () => {
	it('prepared for next year takes effect on its date, and the one before stays listed', async () => {
		const item = await contentStudio.get(db(), 'charter:carta');
		const next = structuredClone(item.published) as {
			version: string;
			validFrom: string;
			validUntil: string;
			summary: { title: string };
		};
		Object.assign(next, { version: '2027.1', validFrom: '2027-01-15', validUntil: '2028-01-14' });
		next.summary.title = 'En pocas palabras, 2027';
		await contentStudio.save(db(), item.id, next, ana);
		await contentStudio.review(db(), item.id, { decision: 'approve' }, luis);
		await live.fresh(db());

		followCharter('2027-01-14');
		expect(charterView('es', i18n, { today: '2027-01-14' })).toMatchObject({
			version: '2026.1',
			superseded: false,
			earlier: [],
			summary: { title: 'En pocas palabras' }
		});
		followCharter('2027-01-15');
		expect(charterView('es', i18n, { today: '2027-01-15' })).toMatchObject({
			version: '2027.1',
			validFrom: '2027-01-15',
			superseded: false,
			demo: false,
			summary: { title: 'En pocas palabras, 2027' },
			earlier: [
				{
					version: '2026.1',
					validFrom: '2026-01-15',
					validUntil: '2027-01-14',
					url: '/es/carta-de-trato-digno?version=2026.1'
				}
			]
		});
		expect(charterView('es', i18n, { today: '2027-01-15', version: '2026.1' })).toMatchObject({
			version: '2026.1',
			superseded: true,
			demo: true,
			summary: { title: 'En pocas palabras' }
		});
		// A version not yet in force is not shown by its label either.
		followCharter('2027-01-14');
		expect(charterView('es', i18n, { today: '2027-01-14', version: '2027.1' })).toMatchObject({
			version: '2026.1',
			superseded: false
		});
	});
});

describe('a changed Spanish text', () => {
	it('sends its Wayuunaiki back to the translators: the page shows the new Spanish meanwhile', async () => {
		// Test texts, never Wayuunaiki.
		const translator: StaffUser = {
			id: 't1',
			email: 'traductora@example.org',
			roles: ['translator']
		};
		const reviewer: StaffUser = { id: 'r1', email: 'revisor@example.org', roles: ['reviewer'] };
		for (const field of ['term', 'definition']) {
			const key = `content:glosario.glp.${field}`;
			await translations.save(db(), { lang: 'guc', key, text: `Prueba ${field}` }, translator);
			await translations.review(db(), { lang: 'guc', key, decision: 'approve' }, reviewer);
		}
		await live.fresh(db());
		const block = () => resolve(glossary.find((entry) => entry.id === 'glp')!.block, 'guc');
		expect(block()).toMatchObject({ lang: 'guc', text: { definition: 'Prueba definition' } });

		const item = await contentStudio.get(db(), 'glossary:glp');
		const value = structuredClone(item.published) as { es: { definition: string } };
		value.es.definition = 'Es el gas de los cilindros.';
		await contentStudio.save(db(), item.id, value, ana);
		await contentStudio.review(db(), item.id, { decision: 'approve' }, luis);
		await live.fresh(db());

		expect(block()).toMatchObject({
			lang: 'es',
			review: 'draft',
			text: { definition: 'Es el gas de los cilindros.' }
		});
		const entry = await translations.get(db(), 'guc', 'content:glosario.glp.definition');
		expect(entry).toMatchObject({ spanish: 'Es el gas de los cilindros.', state: 'draft' });
		expect(entry.sourceChanged).not.toBeNull();
	});
});

// The machines that run the tests may lack eSpeak NG; the voice is then only flagged.
const synthesiser = spawnSync('espeak-ng', ['--version']).status === 0;

describe('the audio of a changed Spanish text', () => {
	it('withdraws the voice that read the old text, flags it for recording, and synthesises it again on the server', async () => {
		const slug = 'subsidio-de-gas-en-cilindro';
		const audioId = `servicio.${slug}`;
		expect(audioFor(audioId, 'es')).toMatchObject({ source: 'generated' });
		expect((await recordings.slot(db(), audioId, 'es')).voiceChanged).toBe(false);

		const item = await contentStudio.get(db(), `service:${slug}`);
		const value = structuredClone(item.published) as { es: { summary: string } };
		value.es.summary = 'Le ayudamos a pagar menos por el gas de cilindro.';
		await contentStudio.save(db(), item.id, value, ana);
		await contentStudio.review(db(), item.id, { decision: 'approve' }, luis);
		await live.fresh(db());

		expect(audioFor(audioId, 'es')).toBeUndefined();
		expect(audiosFor('es').map((entry) => entry.id)).not.toContain(audioId);
		expect(audioFor('carta.derechos', 'es')).toMatchObject({ source: 'generated' });
		expect((await recordings.slot(db(), audioId, 'es')).voiceChanged).toBe(true);
		expect((await recordings.slot(db(), audioId, 'guc')).voiceChanged).toBe(false);

		// The server synthesises the new text's voice when the machine can; otherwise the flag stays.
		const made = await recordings.resynthesize(db());
		await live.fresh(db());
		if (!synthesiser) {
			expect(made).toBe(0);
			expect(audioFor(audioId, 'es')).toBeUndefined();
			return;
		}
		expect(made).toBe(1);
		const voice = audioFor(audioId, 'es')!;
		expect(voice).toMatchObject({ source: 'generated', lang: 'es' });
		expect(voice.files[0]!.url).toBe(`/audio/sintetizado/${audioId}.${voice.hash}.opus`);
		expect(voice.seconds).toBeGreaterThan(1);
		expect((await recordings.slot(db(), audioId, 'es')).voiceChanged).toBe(false);
		const file = await recordings.voice(db(), audioId, voice.hash, 'opus');
		expect(file?.bytes.subarray(0, 4).toString()).toBe('OggS');
		expect(await recordings.voice(db(), audioId, '0000000000000000', 'opus')).toBeUndefined();
		expect(await recordings.resynthesize(db())).toBe(0);
	});
});

describe('a new or removed glossary entry', () => {
	const term = {
		acronym: 'ZNI',
		es: {
			term: 'zonas no interconectadas',
			definition: 'Son los lugares a donde no llega la red de energía.'
		}
	};

	it('waits off the pages until another editor approves it, then shows everywhere', async () => {
		const created = await contentStudio.create(
			db(),
			{ kind: 'glossary', key: 'zni', value: term },
			ana
		);
		expect(created).toMatchObject({
			id: 'glossary:zni',
			state: 'draft',
			action: 'create',
			listed: false
		});
		await live.fresh(db());
		expect(glossary.map((entry) => entry.id)).not.toContain('zni');
		expect(
			await refusalCode(contentStudio.review(db(), 'glossary:zni', { decision: 'approve' }, ana))
		).toBe('OWN_CHANGE');
		expect(
			await contentStudio
				.create(db(), { kind: 'glossary', key: 'zni', value: term }, luis)
				.catch((error: unknown) => error)
		).toMatchObject({ details: { fields: [{ path: 'key', message: 'taken' }] } });
		expect(
			await refusalCode(
				contentStudio.create(db(), { kind: 'service', key: 'nuevo', value: term }, ana)
			)
		).toBe('NOT_FOUND');

		await contentStudio.review(db(), 'glossary:zni', { decision: 'approve' }, luis);
		await live.fresh(db());
		expect(glossary.find((entry) => entry.id === 'zni')).toMatchObject({
			acronym: 'ZNI',
			block: { es: term.es }
		});
		expect(await contentStudio.get(db(), 'glossary:zni')).toMatchObject({
			version: 1,
			listed: true,
			action: null
		});
	});

	it('is taken off the pages once another editor approves its removal, and may come back', async () => {
		expect(glossary.some((entry) => entry.id === 'glp')).toBe(true);
		const asked = await contentStudio.remove(db(), 'glossary:glp', ana);
		expect(asked).toMatchObject({ state: 'draft', action: 'remove' });
		await live.fresh(db());
		expect(glossary.some((entry) => entry.id === 'glp')).toBe(true);

		await contentStudio.review(db(), 'glossary:glp', { decision: 'approve' }, luis);
		await live.fresh(db());
		expect(glossary.some((entry) => entry.id === 'glp')).toBe(false);
		expect(
			(await contentStudio.list(db(), { kind: 'glossary' })).map((item) => item.id)
		).not.toContain('glossary:glp');
		expect(await refusalCode(contentStudio.remove(db(), 'glossary:glp', ana))).toBe('NOT_FOUND');
		const audits = await db().select().from(auditLog).where(eq(auditLog.subject, 'glossary:glp'));
		expect(audits.map((row) => row.action)).toEqual(['content.draft_saved', 'content.removed']);

		// Proposed again under the same id, it returns once approved.
		await contentStudio.create(
			db(),
			{
				kind: 'glossary',
				key: 'glp',
				value: {
					acronym: 'GLP',
					es: { term: 'gas en cilindro', definition: 'Es el gas de los cilindros.' }
				}
			},
			luis
		);
		await contentStudio.review(db(), 'glossary:glp', { decision: 'approve' }, ana);
		await live.fresh(db());
		expect(glossary.find((entry) => entry.id === 'glp')?.block.es.term).toBe('gas en cilindro');
	});
});

describe('moving content between installations', () => {
	it('imports an exported file as drafts of the importer, which an editor approves', async () => {
		const exported = await contentStudio.export(db());
		expect(await contentStudio.import(db(), exported)).toEqual({
			drafts: 0,
			unchanged: exported.items.length
		});
		const glp = exported.items.find((item) => item.id === 'glossary:glp')!;
		(glp.published.es as { definition: string }).definition = 'Es el gas de los cilindros.';
		expect(await contentStudio.import(db(), structuredClone(exported))).toEqual({
			drafts: 1,
			unchanged: exported.items.length - 1
		});
		expect(await contentStudio.get(db(), 'glossary:glp')).toMatchObject({
			state: 'draft',
			draftBy: IMPORTER,
			version: 1
		});
		await contentStudio.review(db(), 'glossary:glp', { decision: 'approve' }, ana);
		expect((await contentStudio.get(db(), 'glossary:glp')).published).toEqual(glp.published);
	});

	it('changes nothing when one item is unknown or invalid', async () => {
		const exported = await contentStudio.export(db());
		const [first, second] = exported.items;
		(first!.published as { version: string }).version = 'nueva';
		(second!.published as { responseDays: number }).responseDays = -1;
		const refusal = await contentStudio
			.import(db(), {
				...exported,
				items: [...exported.items, { id: 'service:nada', published: {} }]
			})
			.catch((error: unknown) => error);
		expect(refusal).toMatchObject({
			code: 'VALIDATION_FAILED',
			details: {
				fields: [
					{ path: 'items.1.published.responseDays', message: 'invalid' },
					{ path: `items.${exported.items.length}.id`, message: 'unknown' }
				]
			}
		});
		expect(await contentStudio.waiting(db())).toBe(0);
		expect(await refusalCode(contentStudio.import(db(), { format: 'otro' }))).toBe(
			'VALIDATION_FAILED'
		);
	});
});
