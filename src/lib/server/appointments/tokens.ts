import { keyedHash, randomToken, sameText, seal, unseal } from '../crypto';

/** Keyed hash of a manage token: the database never holds the token itself. */
export function tokenHash(token: string): string {
	return keyedHash(`appointment-manage:${token}`);
}

/** Compares a presented token with a stored hash in constant time. */
export function tokenMatches(token: string, storedHash: string): boolean {
	return sameText(tokenHash(token), storedHash);
}

/** Keyed hash of the token of the emailed link that confirms a hold; apart from manage tokens. */
export function confirmTokenHash(token: string): string {
	return keyedHash(`appointment-confirm:${token}`);
}

/** Whether a presented confirmation token is the one whose hash is stored, in constant time. */
export function confirmTokenMatches(token: string, storedHash: string | null): boolean {
	return sameText(confirmTokenHash(token), storedHash ?? '') && !!storedHash;
}

/** Whether a typed document number is the stored one, in constant time (also when none is stored). */
export function documentMatches(typed: string, stored: string | undefined): boolean {
	const number = typed.replace(/[\s.-]/g, '').toUpperCase();
	return sameText(tokenHash(`doc:${number}`), tokenHash(`doc:${stored ?? ''}`)) && !!stored;
}

/** A new manage token: 192 random bits, URL-safe. */
export const newToken = () => randomToken(24);

const SEALED = 'appointment-manage';

/** A new manage token with what the row keeps of it: its hash, and the token sealed. */
export function issueToken(): {
	token: string;
	manageTokenHash: string;
	manageTokenSealed: string;
} {
	const token = newToken();
	return { token, manageTokenHash: tokenHash(token), manageTokenSealed: seal(SEALED, token) };
}

/** The token a row keeps sealed, for the link of an email; null for rows from before it was kept. */
export function keptToken(row: { manageTokenSealed?: string | null }): string | null {
	return row.manageTokenSealed ? unseal(SEALED, row.manageTokenSealed) : null;
}
