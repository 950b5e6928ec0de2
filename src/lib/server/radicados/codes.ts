import {
	createCipheriv,
	createDecipheriv,
	createHmac,
	randomBytes,
	timingSafeEqual
} from 'node:crypto';
import { appSecret } from '../config';

let secret: string | undefined;
const key = () => (secret ??= appSecret());

/** The stored form of a security code: HMAC-SHA-256 over the number and the code. */
export function hashCode(number: string, code: string): string {
	return createHmac('sha256', key()).update(`${number}\n${code}`).digest('hex');
}

// Compared when the number is unknown, so a miss costs the same as a wrong code.
const DUMMY = createHmac('sha256', 'ventanilla-dummy').update('dummy').digest('hex');

/** Constant-time check; `stored` is undefined when no radicado has that number. */
export function verifyCode(number: string, code: string, stored: string | undefined): boolean {
	const expected = Buffer.from(stored ?? DUMMY, 'hex');
	const actual = Buffer.from(hashCode(number, code), 'hex');
	return timingSafeEqual(expected, actual) && stored !== undefined;
}

function sealKey(): Buffer {
	return createHmac('sha256', key()).update('radicado-code-seal').digest();
}

/**
 * The first answer to a filing is kept for Idempotency-Key replays. The code inside it is
 * encrypted, so the database never holds a readable code.
 */
export function seal(code: string): string {
	const iv = randomBytes(12);
	const cipher = createCipheriv('aes-256-gcm', sealKey(), iv);
	const body = Buffer.concat([cipher.update(code, 'utf8'), cipher.final()]);
	return ['v1', iv, cipher.getAuthTag(), body]
		.map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
		.join('.');
}

export function unseal(sealed: string): string {
	const [, iv = '', tag = '', body = ''] = sealed.split('.');
	const decipher = createDecipheriv('aes-256-gcm', sealKey(), Buffer.from(iv, 'base64url'));
	decipher.setAuthTag(Buffer.from(tag, 'base64url'));
	return Buffer.concat([
		decipher.update(Buffer.from(body, 'base64url')),
		decipher.final()
	]).toString('utf8');
}
