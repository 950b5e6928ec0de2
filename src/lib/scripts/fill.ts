// Markup the server rendered with {{placeholders}} in a <template>, filled in by a page script with
// what only the device knows (a draft's answer): the strings stay the server's, in the page's language.

export type Values = Record<string, string | number | null | undefined>;

const PLACEHOLDER = /\{\{(\w+)\}\}/g;

/** A string with its {{placeholders}} filled; those without a value stay as they are. */
export function fillText(
	text: string,
	values: Values,
	escape: (value: string) => string = (value) => value
): string {
	return text.replace(PLACEHOLDER, (whole, name: string) => {
		const value = values[name];
		return value === undefined || value === null ? whole : escape(String(value));
	});
}

// Attributes that hold JSON (a record kept in "Mis trámites") get JSON-escaped values.
const jsonString = (value: string) => JSON.stringify(value).slice(1, -1);

/**
 * A copy of a template's content with its placeholders filled. `data-if="name"` keeps an element
 * only when `name` has a value; `data-variant="name=value"` only when `name` has that value.
 */
export function instantiate(template: HTMLTemplateElement, values: Values): DocumentFragment {
	const fragment = template.content.cloneNode(true) as DocumentFragment;
	for (const element of fragment.querySelectorAll<HTMLElement>('[data-if]')) {
		if (!values[element.dataset.if!]) element.remove();
	}
	for (const element of fragment.querySelectorAll<HTMLElement>('[data-variant]')) {
		const [name = '', value] = element.dataset.variant!.split('=');
		if (String(values[name]) !== value) element.remove();
	}
	const texts = document.createTreeWalker(fragment, NodeFilter.SHOW_TEXT);
	while (texts.nextNode()) {
		const node = texts.currentNode as Text;
		if (node.data.includes('{{')) node.data = fillText(node.data, values);
	}
	for (const element of fragment.querySelectorAll('*')) {
		for (const attribute of element.attributes) {
			if (!attribute.value.includes('{{')) continue;
			const escape = attribute.name === 'data-record' ? jsonString : undefined;
			attribute.value = fillText(attribute.value, values, escape);
		}
	}
	return fragment;
}
