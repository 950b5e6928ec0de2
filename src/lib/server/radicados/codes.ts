import { hash, keyedHash, sameText } from '../crypto';

/** The stored form of a security code: HMAC-SHA-256 over the number and the code. */
export function hashCode(number: string, code: string): string {
	return keyedHash(`${number}\n${code}`);
}

// Compared when the number is unknown, so a miss costs the same as a wrong code.
const DUMMY = hash('ventanilla-dummy');

/**
 * Constant-time check of a code's keyed hash (`hashCode`, computed once per look-up: the database
 * is asked with it too); `stored` is undefined when no radicado has that number.
 */
export function verifyCode(hashed: string, stored: string | undefined): boolean {
	return sameText(stored ?? DUMMY, hashed) && stored !== undefined;
}
