// "Guardar en Mis trámites": nothing is kept until the person presses the button, and a radicado's
// security code only with its own box ticked. Needs IndexedDB, so the section shows only with it.
import { myRecords, type DeviceRecord } from '../offline/my-records';
import { enhance, say, type Said } from './enhance';

enhance<HTMLElement>('[data-keep]', (section) => {
	if (!('indexedDB' in window)) return;
	const record = JSON.parse(section.dataset.record!) as Omit<DeviceRecord, 'id' | 'savedAt'>;
	const keepCode = section.querySelector<HTMLInputElement>('[data-keep-code]');
	const typed = section.querySelector<HTMLElement>('[data-keep-typed]');
	const button = section.querySelector<HTMLButtonElement>('[data-keep-button]')!;
	const said = section.querySelector<HTMLElement>('[data-keep-said]')!;
	const link = section.querySelector<HTMLElement>('[data-keep-link]')!;
	section.hidden = false;

	// A look-up never sends the code back to the page: the person types it to keep it.
	keepCode?.addEventListener('change', () => {
		if (typed) typed.hidden = !keepCode.checked;
	});

	button.addEventListener('click', async () => {
		button.disabled = true;
		let message: Said;
		try {
			const securityCode = typed
				? typed.querySelector('input')!.value.trim().toUpperCase()
				: record.securityCode;
			const kept = await myRecords.keep(
				{ ...record, securityCode },
				{ consent: true, keepCode: keepCode?.checked ?? false }
			);
			message = JSON.parse(
				kept?.securityCode ? section.dataset.savedCode! : section.dataset.saved!
			);
		} catch {
			message = JSON.parse(section.dataset.failed!);
		}
		say(said, message);
		link.hidden = false;
		button.disabled = false;
	});
});
