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
	role: z.enum(STAFF_ROLES)
});

export const POST = endpoint(
	{
		summary: 'Sign in to the staff console (sets an HttpOnly, Secure, SameSite=Strict cookie)',
		tags: ['staff'],
		body: signInSchema,
		responses: {
			200: { description: 'Signed in; the session cookie is set.', schema: userSchema },
			400: { description: 'Malformed JSON.' },
			401: { description: 'Wrong email or password (the same answer for either).' },
			413: { description: 'Body too large.' },
			415: { description: 'Not JSON.' },
			422: { description: 'Email or password missing.' },
			429: { description: 'Too many failed sign-ins for this email or client; see Retry-After.' }
		},
		example: { body: { email: 'funcionaria@example.org', password: 'una contraseña larga' } }
	},
	async ({ event, body, lang }) => {
		const signedIn = await staff.signIn(await database(), body, event.getClientAddress());
		sessionCookie.set(event.cookies, signedIn.token);
		return reply(signedIn.user, { lang, headers: { 'cache-control': 'no-store' } });
	}
);

export const GET = endpoint(
	{
		summary: 'The signed-in official',
		tags: ['staff'],
		responses: {
			200: { description: 'The official of this session.', schema: userSchema },
			401: { description: 'No valid session.' }
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
		summary: 'Sign out this browser',
		tags: ['staff'],
		responses: {
			204: { description: 'Signed out; the cookie is cleared.' },
			401: { description: 'No valid session.' }
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
