/**
 * A JSON data block for a page's script: not executed, so the Content-Security-Policy lets it
 * be. `<` is escaped so no value can close the element.
 */
export function jsonIsland(id: string, value: unknown): string {
	const json = JSON.stringify(value)
		.replace(/</g, '\\u003c')
		.replace(/\u2028/g, '\\u2028')
		.replace(/\u2029/g, '\\u2029');
	return `<script type="application/json" id="${id}">${json}</` + 'script>';
}
