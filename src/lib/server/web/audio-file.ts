import { error } from '@sveltejs/kit';
import type { Format } from '../recordings';

/** `{uuid}.opus` or `{uuid}.mp3`, or a 404. */
export function takeFile(name: string): { id: string; format: Format } {
	const match = /^([0-9a-f-]{36})\.(opus|mp3)$/.exec(name);
	if (!match) error(404, 'Not found');
	return { id: match[1]!, format: match[2] as Format };
}

/**
 * An audio file's answer, with the single byte range a player asks for when it seeks (206), and
 * the whole file otherwise. `cacheControl` says how long it may be kept.
 */
export function audioResponse(
	request: Request,
	file: { bytes: Buffer; type: string },
	cacheControl: string
): Response {
	const size = file.bytes.byteLength;
	const headers: Record<string, string> = {
		'content-type': file.type,
		'accept-ranges': 'bytes',
		'cache-control': cacheControl
	};
	const range = /^bytes=(\d*)-(\d*)$/.exec(request.headers.get('range') ?? '');
	if (range && (range[1] || range[2])) {
		const start = range[1] ? Number(range[1]) : Math.max(0, size - Number(range[2]));
		const end = range[1] && range[2] ? Math.min(Number(range[2]), size - 1) : size - 1;
		if (start >= size || start > end) {
			return new Response(null, {
				status: 416,
				headers: { ...headers, 'content-range': `bytes */${size}` }
			});
		}
		return new Response(new Uint8Array(file.bytes.subarray(start, end + 1)), {
			status: 206,
			headers: {
				...headers,
				'content-range': `bytes ${start}-${end}/${size}`,
				'content-length': String(end - start + 1)
			}
		});
	}
	return new Response(new Uint8Array(file.bytes), {
		headers: { ...headers, 'content-length': String(size) }
	});
}
