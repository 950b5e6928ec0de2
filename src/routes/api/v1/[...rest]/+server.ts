import type { RequestHandler } from '@sveltejs/kit';
import { Problem, problemResponse, requestLocale } from '$lib/server/http/problems';

/** Any unknown /api/v1 path or method answers problem+json, never an HTML page. */
export const fallback: RequestHandler = ({ url, request }) =>
	problemResponse(new Problem('NOT_FOUND'), requestLocale(url, request.headers));
