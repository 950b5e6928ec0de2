import {
	createCipheriv,
	createDecipheriv,
	createHash,
	createHmac,
	randomBytes,
	timingSafeEqual
} from 'node:crypto';
import { appSecret } from '../config';

/** Keyed hash of a manage token: the database never holds the token itself. */
export function tokenHash(token: string): string {
	return createHmac('sha256', appSecret()).update(`appointment-manage:${token}`).digest('hex');
}

/** Compares a presented token with a stored hash in constant time. */
export function tokenMatches(token: string, storedHash: string): boolean {
	const presented = Buffer.from(tokenHash(token), 'hex');
	const stored = Buffer.from(storedHash, 'hex');
	return presented.length === stored.length && timingSafeEqual(presented, stored);
}

/** 192 random bits, URL-safe. */
export function newToken(): string {
	return randomBytes(24).toString('base64url');
}

function key(): Buffer {
	return createHash('sha256').update(`appointment-seal:${appSecret()}`).digest();
}

/**
 * Encrypts a token for the idempotency record, so a replay can return it again while the
 * database holds no usable token without the app secret.
 */
export function seal(value: string): string {
	const iv = randomBytes(12);
	const cipher = createCipheriv('aes-256-gcm', key(), iv);
	const data = Buffer.concat([cipher.update(value, 'utf8'), cipher.final()]);
	return [iv, cipher.getAuthTag(), data].map((part) => part.toString('base64url')).join('.');
}

export function unseal(sealed: string): string {
	const [iv = '', tag = '', data = ''] = sealed.split('.');
	const decipher = createDecipheriv('aes-256-gcm', key(), Buffer.from(iv, 'base64url'));
	decipher.setAuthTag(Buffer.from(tag, 'base64url'));
	return Buffer.concat([
		decipher.update(Buffer.from(data, 'base64url')),
		decipher.final()
	]).toString('utf8');
}

/**
 * A value the browser keeps but cannot change: JSON, base64url, and an HMAC over both. The purpose
 * is part of the MAC, so a value signed for one use is refused for any other.
 */
export function signValue(value: unknown, purpose = 'cookie'): string {
	const body = Buffer.from(JSON.stringify(value)).toString('base64url');
	const mac = createHmac('sha256', appSecret()).update(`${purpose}:${body}`).digest('base64url');
	return `${body}.${mac}`;
}

export function verifyValue<T>(signed: string | undefined, purpose = 'cookie'): T | undefined {
	if (!signed) return undefined;
	const [body = '', mac = ''] = signed.split('.');
	const expected = createHmac('sha256', appSecret()).update(`${purpose}:${body}`).digest();
	const given = Buffer.from(mac, 'base64url');
	if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
	try {
		return JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as T;
	} catch {
		return undefined;
	}
}
