// "Guardar en Mis trámites": nothing is kept until the person presses the button, and a radicado's
// security code only with its own box ticked. Needs IndexedDB, so the section shows only with it.
import { formatSecurityCode, isSecurityCode, normaliseSecurityCode } from '../domain/security-code';
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

	const field = typed?.querySelector('input');
	const error = typed?.querySelector<HTMLElement>('[data-keep-error]');
	/** The typed code when the box asks to keep one, or why it cannot be kept: never "Guardado" without it. */
	const typedCode = (): string | Said | undefined => {
		if (!field || !keepCode?.checked) return undefined;
		const code = normaliseSecurityCode(field.value);
		if (isSecurityCode(code)) return formatSecurityCode(code);
		return JSON.parse(code ? section.dataset.codeWrong! : section.dataset.codeMissing!) as Said;
	};
	const showError = (problem: Said | null) => {
		if (!field || !error) return;
		error.hidden = !problem;
		if (problem) {
			say(error, problem);
			field.setAttribute('aria-invalid', 'true');
			field.setAttribute('aria-describedby', error.id);
		} else {
			field.removeAttribute('aria-invalid');
			field.removeAttribute('aria-describedby');
		}
	};

	button.addEventListener('click', async () => {
		const code = typedCode();
		if (typeof code === 'object') {
			showError(code);
			said.textContent = '';
			field!.focus();
			return;
		}
		showError(null);
		button.disabled = true;
		let message: Said;
		try {
			const securityCode = typed ? code : record.securityCode;
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
