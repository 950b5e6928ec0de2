// The agenda's countdowns follow the clock, counted from the server's "now" so the page and the
// 5-minute rule agree. Not a live region: screen readers are not interrupted every minute.
import type { Said } from './enhance';

interface Strings {
	startsIn: { one: Said; other: Said };
	startsNow: string;
	startedAgo: { one: Said; other: Said };
	ended: string;
}

const plurals = new Intl.PluralRules('es');
const counted = (forms: { one: Said; other: Said }, count: number) =>
	forms[plurals.select(count) === 'one' ? 'one' : 'other'].text.replace('{{count}}', String(count));

const agenda = document.querySelector<HTMLElement>('[data-countdowns]');
if (agenda) {
	const strings = JSON.parse(agenda.dataset.countdowns!) as Strings;
	const offset = Date.parse(agenda.dataset.now!) - Date.now();
	const update = () => {
		const now = Date.now() + offset;
		for (const element of agenda.querySelectorAll<HTMLElement>('[data-start]')) {
			const minutes = Math.ceil((Date.parse(element.dataset.start!) - now) / 60_000);
			element.textContent =
				now >= Date.parse(element.dataset.end!)
					? strings.ended
					: minutes > 0
						? counted(strings.startsIn, minutes)
						: minutes === 0
							? strings.startsNow
							: counted(strings.startedAgo, -minutes);
		}
	};
	setInterval(update, 30_000);
}
