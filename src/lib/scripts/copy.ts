// "Copiar número y código": shown only where the browser can write to the clipboard.
import { enhance, say, type Said } from './enhance';

enhance<HTMLButtonElement>('button[data-copy]', (button) => {
	if (!navigator.clipboard) return;
	const status = document.getElementById(button.dataset.status ?? '');
	button.hidden = false;
	button.addEventListener('click', async () => {
		let said: Said;
		try {
			await navigator.clipboard.writeText(button.dataset.copy ?? '');
			said = JSON.parse(button.dataset.copied!);
		} catch {
			said = JSON.parse(button.dataset.failed!);
		}
		if (status) say(status, said);
	});
});
