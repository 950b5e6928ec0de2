import { z } from 'zod';
import { publishedWord } from '$lib/server/content-items';
import { endpoint, reply } from '$lib/server/web/api';

const versionSchema = z.object({
	version: z
		.string()
		.describe('Changes whenever published content, a translation or a recording changes')
});

// The page script asks it before registering the service worker: a page kept on the device carries
// the word of when it was kept, and only the network knows whether the content changed since.
export const GET = endpoint(
	{
		summary: 'api:operations.contentVersion.get.summary',
		tags: ['content'],
		responses: {
			200: { description: 'api:operations.contentVersion.get.responses.200', schema: versionSchema }
		}
	},
	async () => reply({ version: publishedWord() }, { headers: { 'cache-control': 'no-store' } })
);
