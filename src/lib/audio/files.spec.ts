import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mp3Seconds, opusSeconds, plan, textHash } from './files';

const manifest = JSON.parse(readFileSync('src/lib/audio/manifest.json', 'utf8'));
const first = manifest.entries.find((entry: { lang: string }) => entry.lang === 'es');

const hasTools = (() => {
	try {
		execFileSync('sh', ['-c', 'command -v espeak-ng && command -v opusenc && command -v lame'], {
			stdio: 'ignore'
		});
		return true;
	} catch {
		return false;
	}
})();

describe('audio files', () => {
	it('reads the duration of the committed Opus and MP3 files alike', () => {
		const opus = readFileSync(`static${first.files[0].url}`);
		const mp3 = readFileSync(`static${first.files[1].url}`);
		expect(opusSeconds(opus)).toBeCloseTo(first.seconds, 0);
		expect(Math.abs(mp3Seconds(mp3) - opusSeconds(opus))).toBeLessThan(0.5);
	});

	it('changes the hash when the text changes, not otherwise', () => {
		expect(textHash('Sus derechos.')).toBe(textHash('Sus derechos.'));
		expect(textHash('Sus derechos.')).not.toBe(textHash('Sus deberes.'));
	});
});

describe('the audio plan', () => {
	const text = {
		id: 'carta.derechos',
		kind: 'section' as const,
		title: 'Sus derechos',
		titleLang: 'es' as const,
		page: '/',
		text: 'Hola.'
	};
	const generated = {
		id: 'carta.derechos',
		lang: 'es' as const,
		source: 'generated' as const,
		hash: textHash('Hola.')
	};

	it('keeps generated audio whose text did not change', () => {
		const [step] = plan({
			texts: [text],
			lang: 'es',
			previous: [generated],
			recordings: new Map(),
			generatedExists: () => true
		});
		expect(step!.action).toBe('keep');
	});

	it('synthesises again when the text changed or the files are gone', () => {
		const changed = plan({
			texts: [{ ...text, text: 'Adiós.' }],
			lang: 'es',
			previous: [generated],
			recordings: new Map(),
			generatedExists: () => true
		});
		const gone = plan({
			texts: [text],
			lang: 'es',
			previous: [generated],
			recordings: new Map(),
			generatedExists: () => false
		});
		expect([changed[0]!.action, gone[0]!.action]).toEqual(['generate', 'generate']);
	});

	it('prefers a recording to a generated file', () => {
		const [step] = plan({
			texts: [text],
			lang: 'es',
			previous: [generated],
			recordings: new Map([
				['carta.derechos', [{ format: 'opus' as const, path: 'x', url: '/x' }]]
			]),
			generatedExists: () => true
		});
		expect(step!.action).toBe('recorded');
	});

	it('never synthesises Wayuunaiki', () => {
		const [step] = plan({
			texts: [text],
			lang: 'guc',
			previous: [],
			recordings: new Map(),
			generatedExists: () => false
		});
		expect(step!.action).toBe('none');
	});

	it.skipIf(!hasTools)('synthesises a small Opus file offline with eSpeak NG', () => {
		const dir = mkdtempSync(join(tmpdir(), 'audio-spec-'));
		try {
			execFileSync('espeak-ng', ['-v', 'es-419', '-w', join(dir, 'a.wav'), 'Sus derechos.']);
			execFileSync('opusenc', [
				'--quiet',
				'--bitrate',
				'16',
				join(dir, 'a.wav'),
				join(dir, 'a.opus')
			]);
			const seconds = opusSeconds(readFileSync(join(dir, 'a.opus')));
			expect(seconds).toBeGreaterThan(0.3);
			expect(seconds).toBeLessThan(5);
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});
});
