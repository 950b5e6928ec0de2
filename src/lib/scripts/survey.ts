// "¿Le sirvió?" thanks in place: the answer goes to the same form action as without JavaScript,
// and the page stays where the person is (on their confirmation).
import { enhance, say } from './enhance';

enhance<HTMLFormElement>('form[data-survey]', (form) => {
	const missing = form.querySelector<HTMLElement>('[data-survey-missing]')!;
	form.addEventListener('submit', async (event) => {
		event.preventDefault();
		const button = form.querySelector('button')!;
		button.disabled = true;
		let response: Response;
		try {
			response = await fetch(form.action, { method: 'POST', body: new FormData(form) });
		} catch {
			// No signal: the form stays as it was, to send again.
			button.disabled = false;
			return;
		}
		if (response.ok || response.status === 409) {
			const answer = document.createElement('p');
			answer.setAttribute('role', 'status');
			say(answer, JSON.parse(response.ok ? form.dataset.thanks! : form.dataset.already!));
			form.replaceWith(form.querySelector('h2')!, answer);
		} else {
			missing.hidden = false;
			button.disabled = false;
		}
	});
});
