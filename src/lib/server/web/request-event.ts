import type { RequestEvent } from '@sveltejs/kit';

/** A minimal RequestEvent for calling an endpoint handler directly in a unit test. */
export function requestEvent(
	url: string,
	init: RequestInit & { params?: Record<string, string>; routeId?: string } = {}
): RequestEvent {
	const request = new Request(new URL(url, 'http://localhost'), init);
	return {
		request,
		url: new URL(request.url),
		params: init.params ?? {},
		route: { id: init.routeId ?? null },
		locals: { requestId: 'test' },
		getClientAddress: () => '127.0.0.1',
		cookies: { get: () => undefined } as unknown as RequestEvent['cookies'],
		fetch,
		platform: undefined,
		setHeaders: () => {},
		isDataRequest: false,
		isSubRequest: false,
		isRemoteRequest: false,
		tracing: { enabled: false, root: {}, current: {} }
	} as unknown as RequestEvent;
}
