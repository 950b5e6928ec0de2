import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { audioFor, audiosFor } from '$lib/audio/manifest';
import { opusSeconds } from '$lib/audio/files';
import { auditLog, recordings as table } from '../db/schema';
import { live } from '../live';
import { useTestDatabase } from '../testing/database';
import { refusalCode } from '../testing/refusals';
import { tone } from '../testing/tone';
import type { StaffUser } from '../staff';
import { translations } from '../translations';
import { recordings } from '.';

// The recordings are tones made here: no voice, no Wayuunaiki.
const db = useTestDatabase();
const speaker: StaffUser = { id: 's1', email: 'grabadora@example.org', roles: ['translator'] };
const reviewer: StaffUser = { id: 'r1', email: 'revisor@example.org', roles: ['reviewer'] };

let twoSeconds: Buffer;
beforeAll(() => {
	twoSeconds = tone(2, 'webm');
});
afterAll(async () => {
	await db().delete(table);
	await live.load(db());
});

const upload = (audioId = 'citas.dia', lang = 'guc', bytes = twoSeconds, actor = speaker) =>
	recordings.upload(db(), { audioId, lang, bytes }, actor);
const approve = (audioId = 'citas.dia', lang = 'guc', actor = reviewer) =>
	recordings.review(db(), { audioId, lang, decision: 'approve' }, actor);

describe('uploading a recording', () => {
	it('transcodes it to Opus and MP3 with its duration, waiting for review, and audits it', async () => {
		const slot = await upload();
		expect(slot.draft).toMatchObject({
			state: 'draft',
			recordedBy: speaker.email,
			textChanged: false
		});
		expect(slot.draft!.seconds).toBeGreaterThan(1.5);
		expect(slot.draft!.seconds).toBeLessThan(2.5);
		expect(slot.published).toBeNull();
		const opus = await recordings.file(db(), slot.draft!.id, 'opus', { drafts: true });
		expect(opus!.type).toBe('audio/ogg; codecs=opus');
		expect(opusSeconds(opus!.bytes)).toBeGreaterThan(1.5);
		const mp3 = await recordings.file(db(), slot.draft!.id, 'mp3', { drafts: true });
		expect(mp3!.bytes.subarray(0, 3).toString('latin1')).not.toBe('Ogg');
		expect(mp3!.type).toBe('audio/mpeg');
		// Not for citizens yet.
		expect(await recordings.file(db(), slot.draft!.id, 'opus')).toBeUndefined();
		const audits = await db()
			.select()
			.from(auditLog)
			.where(eq(auditLog.action, 'recording.uploaded'));
		expect(audits[0]).toMatchObject({ actor: speaker.email, subject: 'guc:citas.dia' });
	});

	it('reads a WAV file too, and replaces the take still waiting', async () => {
		const first = await upload();
		const second = await upload('citas.dia', 'guc', tone(3));
		expect(second.draft!.id).not.toBe(first.draft!.id);
		expect(second.draft!.seconds).toBeGreaterThan(2.5);
		expect(await db().select({ id: table.id }).from(table)).toHaveLength(1);
	});

	it('refuses what is not audio, a recording under a second, an unknown text and a wrong language', async () => {
		expect(await refusalCode(upload('citas.dia', 'guc', Buffer.from('no es audio')))).toBe(
			'AUDIO_UNREADABLE'
		);
		expect(await refusalCode(upload('citas.dia', 'guc', tone(0.3)))).toBe('AUDIO_TOO_SHORT');
		expect(await refusalCode(upload('citas.no-existe'))).toBe('NOT_FOUND');
		expect(await refusalCode(upload('citas.dia', 'en'))).toBe('NOT_FOUND');
		expect(
			await refusalCode(upload('citas.dia', 'guc', twoSeconds, { ...speaker, roles: ['agent'] }))
		).toBe('FORBIDDEN');
		expect(await db().select({ id: table.id }).from(table)).toHaveLength(0);
	});
});

describe('reviewing a recording', () => {
	it('refuses the person who recorded it, then publishes it at once in the pages and the offline list', async () => {
		await upload();
		expect(
			await refusalCode(approve('citas.dia', 'guc', { ...speaker, roles: ['reviewer'] }))
		).toBe('OWN_TEXT');
		await live.fresh(db());
		expect(audioFor('citas.dia', 'guc')).toBeUndefined();

		const slot = await approve();
		expect(slot.published).toMatchObject({ reviewedBy: reviewer.email });
		expect(slot.draft).toBeNull();
		await live.fresh(db());
		const entry = audioFor('citas.dia', 'guc')!;
		expect(entry).toMatchObject({ lang: 'guc', source: 'recorded', kind: 'instructions' });
		expect(entry.files.map((file) => file.url)).toEqual([
			`/audio/grabaciones/${slot.published!.id}.opus`,
			`/audio/grabaciones/${slot.published!.id}.mp3`
		]);
		expect(audiosFor('guc').some((audio) => audio.id === 'citas.dia')).toBe(true);
		expect(await recordings.file(db(), slot.published!.id, 'mp3')).toBeDefined();
	});

	it('replaces the synthesised Spanish voice with a reviewed Spanish recording', async () => {
		expect(audioFor('carta.derechos', 'es')!.source).toBe('generated');
		await upload('carta.derechos', 'es');
		await approve('carta.derechos', 'es');
		await live.fresh(db());
		expect(audioFor('carta.derechos', 'es')).toMatchObject({ source: 'recorded', lang: 'es' });
		// A Wayuunaiki page still plays the Spanish until someone records it in Wayuunaiki.
		expect(audioFor('carta.derechos', 'guc')).toMatchObject({ source: 'recorded', lang: 'es' });
	});

	it('keeps the approved take playing while a new one waits, and removes it once the new one is approved', async () => {
		await upload();
		const first = (await approve()).published!.id;
		await upload('citas.dia', 'guc', tone(3));
		await live.fresh(db());
		expect(audioFor('citas.dia', 'guc')!.files[0]!.url).toContain(first);
		const second = (await approve()).published!.id;
		await live.fresh(db());
		expect(audioFor('citas.dia', 'guc')!.files[0]!.url).toContain(second);
		expect(await recordings.file(db(), first, 'opus', { drafts: true })).toBeUndefined();
	});

	it('sends a take back with a note', async () => {
		await upload();
		const slot = await recordings.review(
			db(),
			{ audioId: 'citas.dia', lang: 'guc', decision: 'return', note: 'Se oye ruido' },
			reviewer
		);
		expect(slot.draft!.returned).toMatchObject({ note: 'Se oye ruido', by: reviewer.email });
	});
});

describe('a recording whose text changed', () => {
	it('is flagged until a reviewer confirms it still matches', async () => {
		await upload('citas.dia', 'es');
		await approve('citas.dia', 'es');
		// The Wayuunaiki text of the step is written and reviewed after the recording was made.
		await upload('citas.dia', 'guc');
		await approve('citas.dia', 'guc');
		const writer: StaffUser = { id: 'w', email: 'escribe@example.org', roles: ['translator'] };
		await translations.save(
			db(),
			{ lang: 'guc', key: 'booking:day.title', text: 'Prueba día' },
			writer
		);
		await translations.review(
			db(),
			{ lang: 'guc', key: 'booking:day.title', decision: 'approve' },
			reviewer
		);
		await live.fresh(db());
		expect((await recordings.slot(db(), 'citas.dia', 'guc')).published!.textChanged).toBe(true);
		expect((await recordings.slot(db(), 'citas.dia', 'es')).published!.textChanged).toBe(false);
		const confirmed = await recordings.confirm(
			db(),
			{ audioId: 'citas.dia', lang: 'guc' },
			reviewer
		);
		expect(confirmed.published!.textChanged).toBe(false);
		const audits = await db()
			.select()
			.from(auditLog)
			.where(eq(auditLog.action, 'recording.confirmed'));
		expect(audits).toHaveLength(1);
	});
});
