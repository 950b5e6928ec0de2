// "Descargar audios": keeps every audio in the cache the service worker plays them from, in the
// format this browser's player asks for (Opus where it plays, smaller; MP3 elsewhere), with the
// progress shown and said as it goes.
import { say, type Said } from './enhance';
import { fillText, type Values } from './fill';

const box = document.querySelector<HTMLElement>('[data-audio-download]');
if (box) void start(box);

async function start(box: HTMLElement): Promise<void> {
	const status = document.querySelector<HTMLElement>('[data-audio-status]')!;
	const said = (name: string, values: Values = {}): Said => {
		const found = JSON.parse(box.dataset[name]!) as Said;
		return { ...found, text: fillText(found.text, values) };
	};
	if (!('caches' in window)) {
		say(status, said('unsupported'));
		return;
	}
	const format = new Audio().canPlayType('audio/ogg; codecs=opus') ? 'opus' : 'mp3';
	const files = (JSON.parse(box.dataset.files!) as Record<string, string[]>)[format]!;
	const button = box.querySelector('button')!;
	const progress = box.querySelector('progress')!;
	// Sizes as this browser will download them.
	for (const element of document.querySelectorAll<HTMLElement>(`[data-${format}]`)) {
		say(element, JSON.parse(element.dataset[format]!));
	}
	box.hidden = false;

	const cache = await caches.open('audio');
	let saved = 0;
	for (const url of files) if (await cache.match(url)) saved += 1;
	if (saved) say(status, said('already', { saved }));

	button.addEventListener('click', async () => {
		button.disabled = true;
		progress.hidden = false;
		let done = 0;
		let failed = 0;
		progress.value = 0;
		say(status, said('working', { done }));
		for (const url of files) {
			try {
				await cache.add(url);
			} catch {
				failed += 1;
			}
			done += 1;
			progress.value = done;
			say(status, said('working', { done }));
		}
		button.disabled = false;
		say(
			status,
			failed ? said('failed', { failed }) : said(format === 'opus' ? 'savedOpus' : 'savedMp3')
		);
	});
}
