// What every page script shares: it enhances the server's markup once, now and whenever another
// script adds content (the confirmation of a draft sent from this device, for instance).

const CONTENT_EVENT = 'ventanilla:content';

/** Runs `init` once on every element matching `selector`, now and in content added later. */
export function enhance<E extends HTMLElement>(selector: string, init: (element: E) => void): void {
	const done = new WeakSet<Element>();
	const run = (root: ParentNode) => {
		for (const element of root.querySelectorAll<E>(selector)) {
			if (done.has(element)) continue;
			done.add(element);
			init(element);
		}
	};
	run(document);
	addEventListener(CONTENT_EVENT, (event) => run((event as CustomEvent<ParentNode>).detail));
}

/** Tells the other page scripts that `root` holds new markup to enhance. */
export function contentAdded(root: ParentNode): void {
	dispatchEvent(new CustomEvent(CONTENT_EVENT, { detail: root }));
}

/** The language of the page, to mark a string that is not in it. */
export function pageLang(): string {
	return document.documentElement.lang;
}

/** A string the server rendered with the language it is in (Spanish fallbacks on /guc pages). */
export interface Said {
	text: string;
	lang: string;
}

/** Shows a string in an element, marking it lang="es" when it is a fallback. */
export function say(element: HTMLElement, said: Said): void {
	element.textContent = said.text;
	if (said.lang === pageLang()) element.removeAttribute('lang');
	else element.lang = said.lang;
}
