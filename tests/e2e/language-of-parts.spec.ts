import type { Page } from '@playwright/test';
import { expect, staticPages, test } from './fixtures';

/**
 * WCAG 3.1.2 (language of parts). Every Wayuunaiki locale file is still empty, so on a /guc page
 * every visible word is a Spanish fallback and must sit inside an element whose nearest `lang`
 * is `es`; a text whose nearest `lang` is `guc` would make a screen reader read Spanish with a
 * Wayuunaiki voice. On /es pages the reverse holds: only text marked lang="guc" (the language
 * switcher's "Wayuunaiki") may be in Wayuunaiki. Texts without letters (numbers, dates in
 * digits, punctuation), addresses (e-mail, web) and acronyms or codes in capitals are
 * language-neutral and are not checked. Hidden, aria-hidden and role="img" contents are not read
 * as text, so they are skipped. Attributes (aria-label, title) cannot carry a language of their
 * own, so they are not checked: their Spanish fallbacks are read with the page's voice.
 */

/** Visible texts whose nearest `lang` is not the expected one. */
async function mislabelled(page: Page, expected: string): Promise<string[]> {
	return page.evaluate((expected) => {
		const NEUTRAL = [
			/^[^\p{L}]*$/u,
			/^Ventanilla$/u,
			/^\S+@\S+\.\S+$/u,
			/^(https?:\/\/|www\.)\S+$/u,
			/^[\p{Lu}\d][\p{Lu}\d\-·.,/]*$/u
		];
		const neutral = (text: string) => NEUTRAL.some((pattern) => pattern.test(text));
		const nearestLang = (element: Element | null) =>
			element?.closest('[lang]')?.getAttribute('lang')?.split('-')[0] ?? '';
		const hidden = (element: Element) =>
			Boolean(
				element.closest(
					'[aria-hidden="true"], [hidden], [role="img"], script, style, noscript, template'
				)
			) ||
			!(element as HTMLElement).checkVisibility?.({
				visibilityProperty: true
			} as CheckVisibilityOptions);
		const found: string[] = [];
		const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
		for (let node = walker.nextNode(); node; node = walker.nextNode()) {
			const text = node.textContent!.replace(/\s+/g, ' ').trim();
			const parent = node.parentElement;
			if (!text || !parent || hidden(parent)) continue;
			const words = text
				.split(' ')
				.filter((word) => !neutral(word.replace(/^[(¿¡"«]+|[):;,.?!"»]+$/g, '')));
			if (!words.length) continue;
			const lang = nearestLang(parent);
			if (lang !== expected)
				found.push(`"${text.slice(0, 60)}" is in lang="${lang}" (${parent.tagName.toLowerCase()})`);
		}
		return found;
	}, expected);
}

const pages = [...staticPages(), '/servicios/subsidio-de-gas-en-cilindro'];

for (const path of pages) {
	test(`every Spanish fallback on /guc${path} is marked lang="es"`, async ({ page }) => {
		await page.goto(`/guc${path}`);
		const wrong = (await mislabelled(page, 'es')).filter(
			(entry) => !/Wayuunaiki" is in lang="guc"/.test(entry)
		);
		expect(wrong).toEqual([]);
	});
}

test('on Spanish pages only the name of Wayuunaiki is marked as Wayuunaiki', async ({ page }) => {
	for (const path of pages) {
		await page.goto(`/es${path}`);
		const wrong = (await mislabelled(page, 'es')).filter(
			(entry) => !/^"Wayuunaiki" is in lang="guc"/.test(entry)
		);
		expect(wrong, `/es${path}`).toEqual([]);
	}
});

test('Wayuunaiki pages do not spellcheck what people type', async ({ page }) => {
	for (const path of ['/guc/te-llamamos', '/guc/pqrsd', '/guc/radicado']) {
		await page.goto(path);
		const fields = page.locator('input[type="text"], input:not([type]), textarea');
		expect(await fields.count(), path).toBeGreaterThan(0);
		for (const field of await fields.all())
			await expect(field).toHaveAttribute('spellcheck', 'false');
	}
});
