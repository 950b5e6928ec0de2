// `npm run audio`: synthesises Spanish audio for every text that has no recording, offline, with
// Debian's eSpeak NG, opusenc and LAME; records duration and size in src/lib/audio/manifest.json.
// Only texts whose hash changed are synthesised again. `--check` only says whether all is fresh.
//
// Files:  static/audio/es/{id}.opus and .mp3        generated (served at /audio/es/{id}.…)
//         static/audio/recorded/{lang}/{id}.opus|.mp3 recorded by a person; always wins
import { execFileSync } from 'node:child_process';
import {
	existsSync,
	mkdirSync,
	mkdtempSync,
	readdirSync,
	readFileSync,
	rmSync,
	statSync,
	writeFileSync
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'vite';

const STATIC = 'static/audio';
const MANIFEST = 'src/lib/audio/manifest.json';
const LANGS = ['es', 'guc'];
const check = process.argv.includes('--check');

/** The texts (through the app's own modules) and the helpers, loaded by Vite. */
async function load() {
	const server = await createServer({
		server: { middlewareMode: true, hmr: false, watch: null },
		appType: 'custom',
		logLevel: 'error'
	});
	try {
		const { audioTexts } = await server.ssrLoadModule('/src/lib/audio/catalogue.ts');
		const { translator } = await server.ssrLoadModule('/src/lib/i18n/translator.ts');
		const files = await server.ssrLoadModule('/src/lib/audio/files.ts');
		const texts = {};
		for (const lang of LANGS) texts[lang] = audioTexts(lang, await translator(lang));
		return { texts, files };
	} finally {
		await server.close();
	}
}

function recordingsOf(lang) {
	const dir = join(STATIC, 'recorded', lang);
	const found = new Map();
	if (!existsSync(dir)) return found;
	for (const name of readdirSync(dir).sort()) {
		const match = /^(.+)\.(opus|mp3)$/.exec(name);
		if (!match) continue;
		const [, id, format] = match;
		const files = found.get(id) ?? [];
		files.push({ format, path: join(dir, name), url: `/audio/recorded/${lang}/${name}` });
		found.set(id, files);
	}
	return found;
}

function describe(files) {
	const ordered = [...files].sort((a, b) => a.format.localeCompare(b.format)).reverse();
	let seconds = 0;
	const out = ordered.map((file) => {
		const buffer = readFileSync(file.path);
		seconds ||= file.format === 'opus' ? opusSeconds(buffer) : mp3Seconds(buffer);
		return { format: file.format, type: TYPES[file.format], url: file.url, bytes: buffer.length };
	});
	return { seconds: Math.round(seconds * 10) / 10, files: out };
}

function which(command) {
	try {
		execFileSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' });
		return true;
	} catch {
		return false;
	}
}

function synthesise(id, text, work) {
	const missing = ['espeak-ng', 'opusenc', 'lame'].filter((command) => !which(command));
	if (missing.length) {
		throw new Error(
			`npm run audio needs ${missing.join(', ')} to synthesise "${id}". On Debian or Ubuntu: ` +
				'apt-get install -y espeak-ng opus-tools lame'
		);
	}
	const source = join(work, `${id}.txt`);
	const wav = join(work, `${id}.wav`);
	writeFileSync(source, text);
	const base = join(STATIC, 'es', id);
	execFileSync('espeak-ng', [
		'-v',
		SETTINGS.voice,
		'-s',
		String(SETTINGS.wordsPerMinute),
		'-f',
		source,
		'-w',
		wav
	]);
	execFileSync('opusenc', [
		'--quiet',
		'--bitrate',
		String(SETTINGS.opusKbps),
		'--downmix-mono',
		'--title',
		id,
		wav,
		`${base}.opus`
	]);
	execFileSync('lame', [
		'--quiet',
		'-m',
		'm',
		'-b',
		String(SETTINGS.mp3Kbps),
		'--resample',
		String(SETTINGS.mp3SampleKHz),
		wav,
		`${base}.mp3`
	]);
}

const generatedFiles = (id) =>
	['opus', 'mp3'].map((format) => ({
		format,
		path: join(STATIC, 'es', `${id}.${format}`),
		url: `/audio/es/${id}.${format}`
	}));

const { texts, files: helpers } = await load();
const { GENERATOR, SETTINGS, TYPES, mp3Seconds, opusSeconds, plan } = helpers;
const previous = existsSync(MANIFEST) ? JSON.parse(readFileSync(MANIFEST, 'utf8')).entries : [];
const entries = [];
const stale = [];
const work = mkdtempSync(join(tmpdir(), 'ventanilla-audio-'));
mkdirSync(join(STATIC, 'es'), { recursive: true });
let generated = 0;
try {
	for (const lang of LANGS) {
		const steps = plan({
			texts: texts[lang],
			lang,
			previous,
			recordings: recordingsOf(lang),
			generatedExists: (id) => generatedFiles(id).every((file) => existsSync(file.path))
		});
		for (const { text, hash, action, files } of steps) {
			if (action === 'none') continue;
			const base = { id: text.id, lang, kind: text.kind, title: text.title, page: text.page, hash };
			if (action === 'recorded') {
				const old = previous.find((entry) => entry.id === text.id && entry.lang === lang);
				if (old?.source === 'recorded' && old.hash !== hash) {
					console.warn(
						`  ! ${lang}/${text.id}: the text changed since it was recorded; listen and record again if needed`
					);
				}
				entries.push({
					...base,
					hash: old?.source === 'recorded' ? old.hash : hash,
					source: 'recorded',
					...describe(files)
				});
				continue;
			}
			if (action === 'generate') {
				stale.push(`${lang}/${text.id}`);
				if (check) continue;
				synthesise(text.id, text.text, work);
				generated += 1;
			}
			entries.push({ ...base, source: 'generated', ...describe(generatedFiles(text.id)) });
		}
	}
} finally {
	rmSync(work, { recursive: true, force: true });
}

if (check) {
	if (stale.length) {
		console.error(
			`audio: ${stale.length} audio(s) out of date: ${stale.join(', ')}. Run npm run audio.`
		);
		process.exit(1);
	}
	console.log('audio: every text has up-to-date audio.');
	process.exit(0);
}

// Generated files no text uses any more.
const used = new Set(entries.flatMap((entry) => entry.files.map((file) => file.url)));
for (const name of readdirSync(join(STATIC, 'es'))) {
	const url = `/audio/es/${name}`;
	if (statSync(join(STATIC, 'es', name)).isFile() && !used.has(url))
		rmSync(join(STATIC, 'es', name));
}

entries.sort((a, b) => a.lang.localeCompare(b.lang) || a.id.localeCompare(b.id));
writeFileSync(MANIFEST, JSON.stringify({ generator: GENERATOR, entries }, null, '\t') + '\n');

const totals = {};
for (const entry of entries) {
	const total = (totals[entry.lang] ??= { audios: 0, seconds: 0, bytes: {} });
	total.audios += 1;
	total.seconds += entry.seconds;
	for (const file of entry.files)
		total.bytes[file.format] = (total.bytes[file.format] ?? 0) + file.bytes;
}
console.log(`audio: ${generated} synthesised, ${entries.length - generated} kept or recorded.`);
for (const [lang, total] of Object.entries(totals)) {
	const sizes = Object.entries(total.bytes).map(
		([format, bytes]) => `${format} ${(bytes / 1e6).toFixed(2)} MB`
	);
	console.log(
		`  ${lang}: ${total.audios} audios, ${Math.round(total.seconds)} s, ${sizes.join(', ')}`
	);
}
