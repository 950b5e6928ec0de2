import { DomainError } from '../errors';

/** The code a service refused with, or "ok" when it did not refuse; anything else is rethrown. */
export async function refusalCode(promise: Promise<unknown>): Promise<string> {
	try {
		await promise;
		return 'ok';
	} catch (error) {
		if (error instanceof DomainError) return error.code;
		throw error;
	}
}
