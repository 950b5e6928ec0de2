import { error } from '@sveltejs/kit';
import { database } from '$lib/server/db';
import { recordings } from '$lib/server/recordings';
import { audioResponse, takeFile } from '$lib/server/web/audio-file';
import { signedIn } from '$lib/server/web/staff';
import type { RequestHandler } from './$types';

/** A take as the studio plays it, waiting for review or not: for translators and reviewers. */
export const GET: RequestHandler = async ({ params, request, locals, url }) => {
	signedIn(locals, url, ['translator', 'reviewer']);
	const { id, format } = takeFile(params.file);
	const file = await recordings.file(await database(), id, format, { drafts: true });
	if (!file) error(404, 'Not found');
	return audioResponse(request, file, 'private, no-store');
};
