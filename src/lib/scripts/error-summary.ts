// The error summary takes focus when a form comes back with errors. `autofocus` does it without
// JavaScript; browsers skip autofocus once the person has touched the page while it loaded.
import { enhance } from './enhance';

enhance<HTMLElement>('.error-summary[autofocus]', (summary) => {
	if (!summary.contains(document.activeElement)) summary.focus();
});
