import { hash, keyedHash, sameText } from '../crypto';

/** The stored form of a security code: HMAC-SHA-256 over the number and the code. */
export function hashCode(number: string, code: string): string {
	return keyedHash(`${number}\n${code}`);
}

// Compared when the number is unknown, so a miss costs the same as a wrong code.
const DUMMY = hash('ventanilla-dummy');

/** Constant-time check; `stored` is undefined when no radicado has that number. */
export function verifyCode(number: string, code: string, stored: string | undefined): boolean {
	return sameText(stored ?? DUMMY, hashCode(number, code)) && stored !== undefined;
}
