import type { RequestEvent } from '@sveltejs/kit';
import { clock } from '../clock';
import { config } from '../config';
import { connect } from '../db';
import { reset } from '../db/reset';
import { staff } from '../staff';

/**
 * Only with VENTANILLA_TEST_MODE=1: lets the end-to-end suite give each test a clean database
 * (POST /__test__/reset), set the app's clock (POST /__test__/clock) and create staff accounts
 * (POST /__test__/staff).
 * Answers undefined for every other request, and for every request in production.
 */
export async function testingHook(event: RequestEvent): Promise<Response | undefined> {
	if (!config.testMode || !event.url.pathname.startsWith('/__test__/')) return undefined;
	if (event.request.method !== 'POST') return new Response(null, { status: 405 });
	if (event.url.pathname === '/__test__/reset') {
		clock.set(undefined);
		await reset((await connect()).db);
		return new Response(null, { status: 204 });
	}
	if (event.url.pathname === '/__test__/clock') {
		// Body: { "now": "2026-02-05T08:00:00-05:00" } to freeze the clock, or { "now": null } to free it.
		const { now } = (await event.request.json()) as { now: string | null };
		clock.set(now ? new Date(now) : undefined);
		return new Response(null, { status: 204 });
	}
	if (event.url.pathname === '/__test__/staff') {
		// Body: { "email": "…", "role": "agent" | "admin", "password": "…" }, as `npm run staff:add` does.
		const input = (await event.request.json()) as Parameters<typeof staff.add>[1];
		await staff.add((await connect()).db, input, 'test');
		return new Response(null, { status: 204 });
	}
	return new Response(null, { status: 404 });
}
