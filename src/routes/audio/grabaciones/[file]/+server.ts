import { error } from '@sveltejs/kit';
import { database } from '$lib/server/db';
import { recordings } from '$lib/server/recordings';
import { audioResponse, takeFile } from '$lib/server/web/audio-file';
import type { RequestHandler } from './$types';

/** A reviewed recording, for everyone: its address never serves other bytes, so it is kept a year. */
export const GET: RequestHandler = async ({ params, request }) => {
	const { id, format } = takeFile(params.file);
	const file = await recordings.file(await database(), id, format);
	if (!file) error(404, 'Not found');
	return audioResponse(request, file, 'public, max-age=31536000, immutable');
};
