// How many characters are left in a text area with a maximum. The visible count follows every
// key; screen readers hear it politely once typing pauses, so it does not talk over the person.
import { enhance, say, type Said } from './enhance';

interface Forms {
	left: { one: Said; other: Said };
	over: { one: Said; other: Said };
}

const plurals = new Intl.PluralRules('es');

enhance<HTMLElement>('[data-counter]', (count) => {
	const field = document.getElementById(count.dataset.counter!) as HTMLTextAreaElement | null;
	const announce = count.nextElementSibling as HTMLElement | null;
	if (!field || !announce) return;
	const forms = JSON.parse(count.dataset.forms!) as Forms;
	const max = Number(count.dataset.max);
	let timer: ReturnType<typeof setTimeout> | undefined;

	function text(): Said {
		const left = max - [...field!.value].length;
		const n = Math.abs(left);
		const form = forms[left >= 0 ? 'left' : 'over'][plurals.select(n) === 'one' ? 'one' : 'other'];
		return { text: form.text.replace('{{count}}', String(n)), lang: form.lang };
	}

	function show() {
		const said = text();
		say(count, said);
		count.classList.toggle('over', [...field!.value].length > max);
		clearTimeout(timer);
		timer = setTimeout(() => say(announce!, said), 1000);
	}

	field.addEventListener('input', show);
	// Text typed before the script arrived, or kept by the browser on going back.
	if (field.value) say(count, text());
});
