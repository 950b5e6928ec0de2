import { existsSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { translator } from '$lib/i18n/translator';
import { textHash } from './files';
import { audioTexts } from './catalogue';
import { audioFor, audiosFor, durationParts, formatBytes, manifest } from './manifest';

describe('the audio manifest', () => {
	it('has up-to-date audio for every Spanish text (otherwise run npm run audio)', async () => {
		const texts = audioTexts('es', await translator('es'));
		const stale = texts
			.filter((text) => {
				const entry = audioFor(text.id, 'es');
				if (!entry) return true;
				return entry.source === 'generated' && entry.hash !== textHash(text.text);
			})
			.map((text) => text.id);
		expect(stale).toEqual([]);
	});

	it('lists only files that exist, with their real size', () => {
		for (const entry of manifest.entries) {
			for (const file of entry.files) {
				const path = `static${file.url}`;
				expect(existsSync(path), path).toBe(true);
				expect(statSync(path).size).toBe(file.bytes);
			}
		}
	});

	it('gives a Wayuunaiki page the Spanish audio while nobody has recorded Wayuunaiki', () => {
		const entry = audioFor('carta.derechos', 'guc');
		expect(entry?.lang).toBe('es');
		expect(audiosFor('guc').map((audio) => audio.id)).toEqual(audiosFor('es').map((a) => a.id));
	});
});

describe('audio labels', () => {
	it('rounds a duration to minutes and seconds', () => {
		expect(durationParts(80.4)).toEqual({ minutes: 1, seconds: 20 });
		expect(durationParts(44.6)).toEqual({ minutes: 0, seconds: 45 });
		expect(durationParts(0.2)).toEqual({ minutes: 0, seconds: 1 });
	});

	it('writes sizes the Colombian way', () => {
		expect(formatBytes(186_171)).toBe('186 kB');
		expect(formatBytes(5_240_000)).toBe('5,2 MB');
	});
});
