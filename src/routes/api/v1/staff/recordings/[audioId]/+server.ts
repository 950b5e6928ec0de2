import { z } from 'zod';
import { database } from '$lib/server/db';
import { AUDIO_LIMITS, recordings } from '$lib/server/recordings';
import { recordingLang, slotSchema, slotView } from '$lib/server/recordings/api-schemas';
import { Problem } from '$lib/server/http/problems';
import { requireRole } from '$lib/server/staff';
import { endpoint, reply } from '$lib/server/web/api';

/** The body, refused past the limit before it is read whole. */
async function audioBody(request: Request): Promise<Uint8Array> {
	const tooLarge = new Problem('BODY_TOO_LARGE', {
		values: { limit: AUDIO_LIMITS.maxBytes / 1024 }
	});
	if (Number(request.headers.get('content-length') ?? 0) > AUDIO_LIMITS.maxBytes) throw tooLarge;
	try {
		const bytes = new Uint8Array(await request.arrayBuffer());
		if (bytes.byteLength > AUDIO_LIMITS.maxBytes) throw tooLarge;
		return bytes;
	} catch (error) {
		if (error instanceof Problem) throw error;
		// The server's own limit (BODY_SIZE_LIMIT) cut the stream, or the client went away.
		throw tooLarge;
	}
}

export const PUT = endpoint(
	{
		summary: 'api:operations.staff.recordings.audioId.put.summary',
		tags: ['staff'],
		query: z.object({ lang: recordingLang }),
		rawBody: {
			types: ['audio/*', 'video/webm', 'application/octet-stream'],
			description: 'api:operations.staff.recordings.audioId.put.body'
		},
		responses: {
			200: {
				description: 'api:operations.staff.recordings.audioId.put.responses.200',
				schema: slotSchema
			},
			401: { description: 'api:common.noSession' },
			403: { description: 'api:operations.staff.recordings.audioId.put.responses.403' },
			404: { description: 'api:operations.staff.recordings.audioId.put.responses.404' },
			413: { description: 'api:common.tooLarge' },
			422: { description: 'api:operations.staff.recordings.audioId.put.responses.422' }
		},
		example: { params: { audioId: 'citas.dia' }, query: { lang: 'guc' } }
	},
	async ({ event, query, lang }) => {
		const user = requireRole(event.locals.staff, 'translator');
		const slot = await recordings.upload(
			await database(),
			{
				audioId: event.params.audioId ?? '',
				lang: query.lang,
				bytes: await audioBody(event.request)
			},
			user
		);
		return reply(slotView(slot), { lang });
	}
);
