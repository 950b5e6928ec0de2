// The plain-language hint beside each prose field of the content studio, as the editor types: the
// very rules of check:content ($lib/domain/plain-language) run here. The hint follows typing once
// it pauses; screen readers hear it politely a little later, and only when it changed.
import { plainLines } from '$lib/content/links';
import { hintWords, plainLanguage, type HintMessages } from '$lib/domain/plain-language';
import { enhance } from './enhance';

interface Setup {
	messages: HintMessages;
	empty: string;
	known: string[];
	fields: string[];
}

enhance<HTMLFormElement>('form[data-plain]', (form) => {
	const { messages, empty, known, fields } = JSON.parse(form.dataset.plain!) as Setup;
	const acronyms = new Set(known);
	const live = form.querySelector<HTMLElement>('[data-plain-said]');
	let spoken: ReturnType<typeof setTimeout> | undefined;

	for (const name of fields) {
		const field = form.elements.namedItem(name);
		const hint = document.getElementById(`field-${name}-hint`);
		if (!(field instanceof HTMLInputElement || field instanceof HTMLTextAreaElement) || !hint) {
			continue;
		}
		let timer: ReturnType<typeof setTimeout> | undefined;
		field.addEventListener('input', () => {
			clearTimeout(timer);
			timer = setTimeout(() => {
				const text = plainLines(field.value);
				const said = text ? hintWords(plainLanguage(text, acronyms), messages) : empty;
				if (said === hint.textContent) return;
				hint.textContent = said;
				clearTimeout(spoken);
				spoken = setTimeout(() => {
					if (live) live.textContent = said;
				}, 1500);
			}, 400);
		});
	}
});
