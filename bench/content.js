// The published pages under a rush, against the floor of the same run: `GET /api/v1/health` (HTTP
// and one query) is the most any page that touches the server can do. Each page is asked for by 32
// clients as a browser asks (Brotli or gzip accepted), in both languages; then the charter again as
// a kept copy asks (If-None-Match, answered 304). `npm run bench:content` runs it alone against
// build/ with a fresh embedded database and writes `server.content` into bench/results.json;
// `npm run bench` runs it too.
import autocannon from 'autocannon';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { startBuiltApp, stopApp, waitUntilUp } from './support.ts';

export const CONTENT_PAGES = [
	'/carta-de-trato-digno',
	'/servicios',
	'/servicios/subsidio-de-gas-en-cilindro',
	'/glosario',
	'/contacto',
	'/accesibilidad',
	'/privacidad',
	'/indicadores'
];
const BROWSER = { 'accept-encoding': 'br, gzip, deflate' };

function percentile(sorted, p) {
	return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

/** 32 clients for `seconds` over `paths` in turn; percentiles from every response's own time. */
function load(base, paths, { seconds, headers = BROWSER }) {
	return new Promise((resolve, reject) => {
		const times = [];
		const instance = autocannon(
			{
				url: base,
				connections: 32,
				duration: seconds,
				requests: paths.map((path) => ({ method: 'GET', path, headers }))
			},
			(error, result) => {
				if (error) return reject(error);
				times.sort((a, b) => a - b);
				resolve({
					requestsPerSecond: Math.round(result.requests.average),
					p50Ms: Number(percentile(times, 50).toFixed(1)),
					p95Ms: Number(percentile(times, 95).toFixed(1)),
					p99Ms: Number(percentile(times, 99).toFixed(1)),
					statuses: result.statusCodeStats
						? Object.fromEntries(
								Object.entries(result.statusCodeStats).map(([code, { count }]) => [code, count])
							)
						: undefined,
					errors: result.errors + result.timeouts
				});
			}
		);
		instance.on('response', (_client, _status, _bytes, responseTime) => times.push(responseTime));
	});
}

/** The floor, then each published page in both languages; ratios to the floor beside. */
export async function measureContent(base, { seconds = 4, log = console.log } = {}) {
	const floor = await load(base, ['/api/v1/health'], { seconds, headers: {} });
	log(`health floor: ${floor.requestsPerSecond} req/s, p95 ${floor.p95Ms} ms`);
	const pages = {};
	for (const page of CONTENT_PAGES) {
		const result = await load(base, [`/es${page}`, `/guc${page}`], { seconds });
		result.toFloor = Number((result.requestsPerSecond / floor.requestsPerSecond).toFixed(2));
		pages[page] = result;
		log(
			`${page}: ${result.requestsPerSecond} req/s (${result.toFloor} of the floor), p50 ${result.p50Ms} ms, p95 ${result.p95Ms} ms ${JSON.stringify(result.statuses)}`
		);
	}
	const charter = await fetch(`${base}/es/carta-de-trato-digno`, { headers: BROWSER });
	const etag = charter.headers.get('etag');
	await charter.arrayBuffer();
	let revalidated;
	if (etag) {
		revalidated = await load(base, ['/es/carta-de-trato-digno'], {
			seconds,
			headers: { ...BROWSER, 'if-none-match': etag }
		});
		log(
			`charter revalidated (If-None-Match): ${revalidated.requestsPerSecond} req/s, p95 ${revalidated.p95Ms} ms ${JSON.stringify(revalidated.statuses)}`
		);
	}
	return { floor, pages, revalidated };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
	if (!existsSync('build/handler.js')) {
		console.error('Build the app first: npx vite build');
		process.exit(1);
	}
	const port = Number(process.env.BENCH_PORT ?? 4990);
	const base = `http://127.0.0.1:${port}`;
	const dataDir = mkdtempSync(join(tmpdir(), 'ventanilla-bench-'));
	const app = startBuiltApp(port, {
		DATA_DIR: dataDir,
		DATABASE_URL: process.env.DATABASE_URL ?? ''
	});
	try {
		await waitUntilUp(base, app);
		const content = await measureContent(base, {
			seconds: Number(process.env.BENCH_SECONDS ?? 4),
			log: (line) => console.log(`[bench:content] ${line}`)
		});
		const path = 'bench/results.json';
		const results = existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : {};
		results.server = { ...results.server, content };
		writeFileSync(path, JSON.stringify(results, null, '\t') + '\n');
		console.log(`[bench:content] wrote server.content into ${path}`);
	} finally {
		await stopApp(app);
		rmSync(dataDir, { recursive: true, force: true });
	}
}
