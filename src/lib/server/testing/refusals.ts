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

/** The refusal a service gave, with its values and facts; fails when it did not refuse. */
export async function refusalOf(promise: Promise<unknown>): Promise<DomainError> {
	try {
		await promise;
	} catch (error) {
		if (error instanceof DomainError) return error;
		throw error;
	}
	throw new Error('expected a refusal');
}
