// Contacto is kept on the phone, so its copy may be days old: whether each channel is open now is
// worked out here, on the device's clock, in Bogotá time with the holidays the page lists (this
// year's and next), by the server's rule.
import { localTime } from '$lib/domain/local-time';
import { formatClock } from '$lib/domain/office-hours';
import { isOpen, type Availability } from '$lib/domain/open-now';
import { say, type Said } from './enhance';
import { fillText } from './fill';

const channels = document.querySelector<HTMLElement>('[data-open-now]');
if (channels) {
	const said = (name: string) => JSON.parse(channels.dataset[name]!) as Said;
	const checkedAt = document.querySelector<HTMLElement>('[data-checked-time]')!;
	const holidays = new Set(JSON.parse(channels.dataset.holidays!) as string[]);
	const holiday = (date: string) => holidays.has(date);
	const update = () => {
		const now = new Date();
		const time = formatClock(localTime(now));
		say(checkedAt, { ...said('checkedAt'), text: fillText(said('checkedAt').text, { time }) });
		for (const status of channels.querySelectorAll<HTMLElement>('[data-availability]')) {
			const availability = JSON.parse(status.dataset.availability!) as Availability;
			const open = isOpen(availability, now, holiday);
			status.classList.toggle('open', open);
			status.querySelector('[aria-hidden]')!.textContent = open ? '●' : '○';
			say(status.querySelector<HTMLElement>('[data-said]')!, said(open ? 'open' : 'closed'));
		}
	};
	update();
	setInterval(update, 60_000);
}
