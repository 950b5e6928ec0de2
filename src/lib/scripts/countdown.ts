// The agenda's countdowns follow the clock, counted from the server's "now" so the page and the
// 5-minute rule agree. Not a live region: screen readers are not interrupted every minute.
import { countdown } from '$lib/domain/countdown';
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
			const { start, end, later } = element.dataset;
			const said = countdown(Date.parse(start!), Date.parse(end!), now);
			element.textContent =
				said.kind === 'later'
					? later!
					: said.kind === 'ended'
						? strings.ended
						: said.kind === 'in'
							? counted(strings.startsIn, said.minutes)
							: said.kind === 'now'
								? strings.startsNow
								: counted(strings.startedAgo, said.minutes);
		}
	};
	setInterval(update, 30_000);
}
