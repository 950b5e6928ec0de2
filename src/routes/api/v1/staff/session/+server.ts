import { z } from 'zod';
import { database } from '$lib/server/db';
import { endpoint, reply } from '$lib/server/web/api';
import { requireRole, staff, STAFF_ROLES } from '$lib/server/staff';
import { sessionCookie } from '$lib/server/web/staff';

const signInSchema = z.object({
	email: z.string().trim().min(3).max(200),
	password: z.string().min(1).max(200)
});

const userSchema = z.object({
	id: z.string(),
	email: z.string(),
	roles: z.array(z.enum(STAFF_ROLES))
});

export const POST = endpoint(
	{
		summary: 'api:operations.staff.session.post.summary',
		tags: ['staff'],
		body: signInSchema,
		responses: {
			200: { description: 'api:operations.staff.session.post.responses.200', schema: userSchema },
			400: { description: 'api:common.malformedJson' },
			401: { description: 'api:operations.staff.session.post.responses.401' },
			413: { description: 'api:common.tooLarge' },
			415: { description: 'api:common.notJson' },
			422: { description: 'api:operations.staff.session.post.responses.422' },
			429: { description: 'api:operations.staff.session.post.responses.429' }
		},
		example: { body: { email: 'funcionaria@example.org', password: 'una contraseña larga' } }
	},
	async ({ event, body, lang }) => {
		const signedIn = await staff.signIn(
			await database(),
			body,
			event.getClientAddress(),
			sessionCookie.get(event.cookies)
		);
		sessionCookie.set(event.cookies, signedIn.token);
		return reply(signedIn.user, { lang, headers: { 'cache-control': 'no-store' } });
	}
);

export const GET = endpoint(
	{
		summary: 'api:operations.staff.session.get.summary',
		tags: ['staff'],
		responses: {
			200: { description: 'api:operations.staff.session.get.responses.200', schema: userSchema },
			401: { description: 'api:common.noSession' }
		},
		example: {}
	},
	async ({ event, lang }) => {
		const user = requireRole(event.locals.staff);
		return reply(user, { lang, headers: { 'cache-control': 'no-store' } });
	}
);

export const DELETE = endpoint(
	{
		summary: 'api:operations.staff.session.delete.summary',
		tags: ['staff'],
		responses: {
			204: { description: 'api:operations.staff.session.delete.responses.204' },
			401: { description: 'api:common.noSession' }
		},
		example: {}
	},
	async ({ event }) => {
		requireRole(event.locals.staff);
		const token = sessionCookie.get(event.cookies);
		if (token) await staff.signOut(await database(), token);
		sessionCookie.clear(event.cookies);
		return new Response(null, { status: 204 });
	}
);
