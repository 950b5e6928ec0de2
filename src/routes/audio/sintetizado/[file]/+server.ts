import { error } from '@sveltejs/kit';
import { database } from '$lib/server/db';
import { recordings } from '$lib/server/recordings';
import { audioResponse } from '$lib/server/web/audio-file';
import type { RequestHandler } from './$types';

const FILE = /^(.+)\.([0-9a-f]{16})\.(opus|mp3)$/;

/** A voice synthesised on the server: its address names the text it reads, so it is kept a year. */
export const GET: RequestHandler = async ({ params, request }) => {
	const [, audioId, hash, format] = FILE.exec(params.file) ?? [];
	if (!audioId || !hash || (format !== 'opus' && format !== 'mp3')) error(404, 'Not found');
	const file = await recordings.voice(await database(), audioId, hash, format);
	if (!file) error(404, 'Not found');
	return audioResponse(request, file, 'public, max-age=31536000, immutable');
};
