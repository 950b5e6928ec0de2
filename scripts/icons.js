// Renders the app icons from the one source drawing, static/icons/icon.svg, with Debian's Chromium.
// The PNGs are committed, so running the app needs nothing of this; run it again after editing the SVG:
//   node scripts/icons.js
import { chromium } from 'playwright-core';
import { readFileSync, writeFileSync } from 'node:fs';

const svg = readFileSync('static/icons/icon.svg', 'utf8');
const background = /<rect[^>]*fill="(#[0-9a-f]{6})"/i.exec(svg)?.[1] ?? '#0b4f8a';
const source = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;

// A maskable icon keeps its drawing inside the central 80% (the safe zone) on a full-bleed background.
const ICONS = [
	{ file: 'icon-192.png', size: 192, scale: 1, fill: 'transparent' },
	{ file: 'icon-512.png', size: 512, scale: 1, fill: 'transparent' },
	{ file: 'icon-maskable-192.png', size: 192, scale: 0.8, fill: background },
	{ file: 'icon-maskable-512.png', size: 512, scale: 0.8, fill: background },
	{ file: 'apple-touch-icon.png', size: 180, scale: 0.8, fill: background }
];

const browser = await chromium.launch({
	executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
	args: ['--headless', '--no-sandbox', '--disable-gpu']
});
try {
	const page = await browser.newPage({ deviceScaleFactor: 1 });
	for (const { file, size, scale, fill } of ICONS) {
		const inner = Math.round(size * scale);
		await page.setViewportSize({ width: size, height: size });
		await page.setContent(
			`<body style="margin:0;width:${size}px;height:${size}px;display:grid;place-items:center;background:${fill}">` +
				`<img src="${source}" width="${inner}" height="${inner}" alt=""></body>`
		);
		await page.waitForFunction(() => document.images[0]?.complete);
		const png = await page.screenshot({ omitBackground: fill === 'transparent' });
		writeFileSync(`static/icons/${file}`, png);
		console.log(`static/icons/${file}: ${size}×${size}, ${png.length} bytes`);
	}
} finally {
	await browser.close();
}
