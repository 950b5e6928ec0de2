// Shared by the benchmarks: what a first visit of a page costs on the wire.

/**
 * Bytes the browser really transferred for a first visit, by kind, measured through the DevTools
 * protocol. `ignore` leaves out resource types (the call room's requests that wait for news).
 */
export async function pageWeight(browser, url, options = {}) {
	const { waitUntil = 'networkidle', ignore = [] } = options;
	const context = await browser.newContext({ serviceWorkers: 'block' });
	const page = await context.newPage();
	const cdp = await context.newCDPSession(page);
	await cdp.send('Network.enable');
	const types = new Map();
	const headerBytes = new Map();
	const totals = { html: 0, css: 0, js: 0, other: 0 };
	let transferred = 0;
	cdp.on('Network.responseReceived', (e) => {
		types.set(e.requestId, e.type);
		headerBytes.set(e.requestId, e.response.encodedDataLength ?? 0);
	});
	// Compressed bodies count against the budgets; the headers are reported in `transferred`.
	cdp.on('Network.loadingFinished', (e) => {
		const type = types.get(e.requestId);
		if (ignore.includes(type)) return;
		transferred += e.encodedDataLength;
		const kind =
			type === 'Document'
				? 'html'
				: type === 'Stylesheet'
					? 'css'
					: type === 'Script'
						? 'js'
						: 'other';
		totals[kind] += e.encodedDataLength - (headerBytes.get(e.requestId) ?? 0);
	});
	const response = await page.goto(url, { waitUntil });
	await context.close();
	if (!response || response.status() >= 400) return undefined;
	return { ...totals, total: totals.html + totals.css + totals.js + totals.other, transferred };
}
