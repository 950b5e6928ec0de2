/**
 * Security codes: 8 characters of Crockford base32 (40 random bits). People may type them in any
 * case, with spaces or hyphens, and confuse I/L with 1 and O with 0; all of that is accepted.
 */
export const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const CODE_LENGTH = 8;

/** A fresh code from the platform's cryptographic random source (Web Crypto, also in Node). */
export function generateSecurityCode(): string {
	const bytes = new Uint8Array(CODE_LENGTH);
	crypto.getRandomValues(bytes);
	// 256 is a multiple of 32, so taking the low 5 bits of each byte is unbiased.
	return Array.from(bytes, (byte) => CROCKFORD[byte & 31]).join('');
}

export function normaliseSecurityCode(input: string): string {
	return input
		.toUpperCase()
		.replace(/[\s\-‐‑‒–—]/g, '')
		.replace(/[IL]/g, '1')
		.replace(/O/g, '0');
}

export function isSecurityCode(normalised: string): boolean {
	return normalised.length === CODE_LENGTH && [...normalised].every((c) => CROCKFORD.includes(c));
}

/** "K7QM-3XPA": two groups of four are easier to read aloud and to copy by hand. */
export function formatSecurityCode(code: string): string {
	return `${code.slice(0, 4)}-${code.slice(4)}`;
}
