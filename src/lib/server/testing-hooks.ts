import type { RequestEvent } from '@sveltejs/kit';
import { config } from './config';
import { connect } from './db';
import { reset } from './db/reset';

/**
 * Only with VENTANILLA_TEST_MODE=1: lets the end-to-end suite give each test a clean database.
 * Answers undefined for every other request, and for every request in production.
 */
export async function testingHook(event: RequestEvent): Promise<Response | undefined> {
	if (!config.testMode || event.url.pathname !== '/__test__/reset') return undefined;
	if (event.request.method !== 'POST') return new Response(null, { status: 405 });
	await reset((await connect()).db);
	return new Response(null, { status: 204 });
}
