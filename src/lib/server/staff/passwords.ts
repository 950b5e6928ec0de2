import { randomBytes, scrypt, type ScryptOptions } from 'node:crypto';
import { sameBytes } from '../crypto';

/**
 * scrypt with N = 2^15, r = 8: 32 MiB of memory per guess, so guessing in bulk on GPUs is costly.
 * The parameters are stored with each hash, so they can be raised later without a migration.
 */
const COST = { N: 2 ** 15, r: 8, p: 1 };
const KEY_LENGTH = 32;

function derive(password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
	return new Promise((resolve, reject) => {
		// maxmem must exceed 128·N·r bytes, or Node refuses the parameters.
		const maxmem = 256 * options.N! * options.r! + 1024 * 1024;
		scrypt(password.normalize('NFKC'), salt, KEY_LENGTH, { ...options, maxmem }, (error, key) =>
			error ? reject(error) : resolve(key)
		);
	});
}

/** `scrypt$N$r$p$salt$hash`, salt and hash in base64url. */
export async function hashPassword(password: string): Promise<string> {
	const salt = randomBytes(16);
	const key = await derive(password, salt, COST);
	return [
		'scrypt',
		COST.N,
		COST.r,
		COST.p,
		salt.toString('base64url'),
		key.toString('base64url')
	].join('$');
}

/** Compares in constant time; a malformed stored hash never matches. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
	const [scheme, n, r, p, salt = '', hash = ''] = stored.split('$');
	if (scheme !== 'scrypt') return false;
	const expected = Buffer.from(hash, 'base64url');
	if (expected.length !== KEY_LENGTH) return false;
	const key = await derive(password, Buffer.from(salt, 'base64url'), {
		N: Number(n),
		r: Number(r),
		p: Number(p)
	});
	return sameBytes(key, expected);
}

/** A hash of a password nobody knows, so an unknown email costs as much time as a known one. */
let decoy: Promise<string> | undefined;
export function decoyHash(): Promise<string> {
	decoy ??= hashPassword(randomBytes(16).toString('hex'));
	return decoy;
}
