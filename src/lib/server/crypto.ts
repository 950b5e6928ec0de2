import {
	createCipheriv,
	createDecipheriv,
	createHash,
	createHmac,
	createSecretKey,
	randomBytes,
	timingSafeEqual,
	type KeyObject
} from 'node:crypto';
import { appSecret } from './config';

/**
 * The app's cryptography in one place: keyed hashes for codes and tokens, constant-time
 * comparison, sealing (AES-256-GCM) for values kept for a replay and for cookies that carry
 * personal data, signing for cookies that carry none. Every key
 * derives from APP_SECRET.
 */

let secret: string | undefined;
const key = () => (secret ??= appSecret());
// The secret as a key object, made once: a string key is imported again by every HMAC.
let hmacKey: KeyObject | undefined;
const macKey = () => (hmacKey ??= createSecretKey(Buffer.from(key())));
let sealing: KeyObject | undefined;

/** HMAC-SHA-256 under the app secret: what is stored of a code or token, never the thing itself. */
export function keyedHash(message: string, encoding: 'hex' | 'base64url' = 'hex'): string {
	return createHmac('sha256', macKey()).update(message).digest(encoding);
}

/** SHA-256, for values that are random already (session tokens) or public (file contents). */
export function hash(value: string | Uint8Array): string {
	return createHash('sha256').update(value).digest('hex');
}

/** Equal bytes, compared in constant time; different lengths are simply unequal. */
export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
	if (a.byteLength !== b.byteLength) return timingSafeEqual(a, a) && false;
	return timingSafeEqual(a, b);
}

/** Equal strings (digests, signatures), compared in constant time. */
export function sameText(a: string, b: string): boolean {
	return sameBytes(Buffer.from(a), Buffer.from(b));
}

// Random bytes are drawn 4 KB at a time and handed out once each: every draw is a system call,
// and a booking needs five small ones (Node keeps a cache for randomUUID for the same reason).
const POOL_BYTES = 4096;
let pool = Buffer.alloc(0);
let poolUsed = 0;

/** `bytes` bytes from the system's secure random source; none is ever handed out twice. */
export function random(bytes: number): Buffer {
	if (bytes > POOL_BYTES) return randomBytes(bytes);
	if (poolUsed + bytes > pool.length) {
		pool = randomBytes(POOL_BYTES);
		poolUsed = 0;
	}
	const taken = Buffer.from(pool.subarray(poolUsed, poolUsed + bytes));
	pool.fill(0, poolUsed, poolUsed + bytes);
	poolUsed += bytes;
	return taken;
}

/** `bytes` random bytes, URL-safe: 24 bytes make 192 bits. */
export function randomToken(bytes = 24): string {
	return random(bytes).toString('base64url');
}

const parts = (...values: Buffer[]) => values.map((part) => part.toString('base64url'));
const bytes = (text = '') => Buffer.from(text, 'base64url');

function sealKey(): KeyObject {
	return (sealing ??= createSecretKey(createHmac('sha256', macKey()).update('seal').digest()));
}

/**
 * Encrypts a value the database keeps only to give it back (a replayed request answers the same
 * security code or token), so the table holds nothing usable without the app secret.
 * "v2.<iv>.<tag>.<data>"; `purpose` is bound in, so a value sealed for one use opens for no other.
 */
export function seal(purpose: string, value: string | Uint8Array): string {
	const iv = random(12);
	const cipher = createCipheriv('aes-256-gcm', sealKey(), iv).setAAD(Buffer.from(purpose));
	const plain = typeof value === 'string' ? Buffer.from(value, 'utf8') : value;
	const data = Buffer.concat([cipher.update(plain), cipher.final()]);
	return ['v2', ...parts(iv, cipher.getAuthTag(), data)].join('.');
}

function open(
	sealKeyBytes: KeyObject | Buffer,
	iv: string,
	tag: string,
	data: string,
	aad?: string
): Buffer {
	const decipher = createDecipheriv('aes-256-gcm', sealKeyBytes, bytes(iv));
	if (aad !== undefined) decipher.setAAD(Buffer.from(aad));
	decipher.setAuthTag(bytes(tag));
	return Buffer.concat([decipher.update(bytes(data)), decipher.final()]);
}

/** The bytes of a value sealed with `seal`; throws when it was altered or sealed for another purpose. */
export function unsealBytes(purpose: string, sealed: string): Buffer {
	const [first = '', iv = '', tag = '', data = ''] = sealed.split('.');
	if (first !== 'v2') throw new Error('Not a sealed value');
	return open(sealKey(), iv, tag, data, purpose);
}

/**
 * Opens a sealed value; throws when it was altered or sealed for another purpose. Also reads the
 * two formats of earlier versions, still held by idempotency records: petitions' security codes
 * ("v1.<iv>.<tag>.<data>") and appointments' manage tokens ("<iv>.<tag>.<data>").
 */
export function unseal(purpose: string, sealed: string): string {
	const [first = '', ...rest] = sealed.split('.');
	if (first === 'v2') return unsealBytes(purpose, sealed).toString('utf8');
	if (first === 'v1') {
		const [iv, tag, data] = rest;
		return open(
			createHmac('sha256', macKey()).update('radicado-code-seal').digest(),
			iv!,
			tag!,
			data!
		).toString('utf8');
	}
	const [tag, data] = rest;
	const legacy = createHash('sha256').update(`appointment-seal:${key()}`).digest();
	return open(legacy, first, tag!, data!).toString('utf8');
}

/**
 * A value the browser keeps but cannot change: JSON in base64url, and an HMAC over it. `purpose`
 * is part of the MAC, so a value signed for one use (a cookie, a call pass) is refused for another.
 */
export function sign(value: unknown, purpose = 'cookie'): string {
	const body = Buffer.from(JSON.stringify(value)).toString('base64url');
	return `${body}.${keyedHash(`${purpose}:${body}`, 'base64url')}`;
}

/** The value of a signed string, or undefined when it was altered, is not one or is for another purpose. */
export function verify<T>(signed: string | undefined, purpose = 'cookie'): T | undefined {
	if (!signed) return undefined;
	const [body = '', mac = ''] = signed.split('.');
	if (!sameText(mac, keyedHash(`${purpose}:${body}`, 'base64url'))) return undefined;
	try {
		return JSON.parse(bytes(body).toString('utf8')) as T;
	} catch {
		return undefined;
	}
}

/**
 * HMAC under a key shared with another system, not the app secret: a TURN server's
 * static-auth-secret, whose REST API wants base64 HMAC-SHA-1.
 */
export function sharedHmac(
	secret: string,
	message: string,
	options: { algorithm?: 'sha1' | 'sha256'; encoding?: 'base64' | 'hex' } = {}
): string {
	const { algorithm = 'sha256', encoding = 'base64' } = options;
	return createHmac(algorithm, secret).update(message).digest(encoding);
}
