import { createCipheriv, createHash, createHmac, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { appSecret } from './config';
import { keyedHash, random, sameText, seal, sign, unseal, verify } from './crypto';

/** AES-256-GCM as the earlier versions wrote it, for records they left behind. */
function oldSeal(key: Buffer, text: string, prefix: string[]): string {
	const iv = randomBytes(12);
	const cipher = createCipheriv('aes-256-gcm', key, iv);
	const data = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);
	return [...prefix, ...[iv, cipher.getAuthTag(), data].map((p) => p.toString('base64url'))].join(
		'.'
	);
}

describe('sealing', () => {
	it('opens what it sealed, and nothing readable is stored', () => {
		const sealed = seal('radicado-code', 'K7M2Q9XA');
		expect(sealed).toMatch(/^v2\./);
		expect(sealed).not.toContain('K7M2Q9XA');
		expect(unseal('radicado-code', sealed)).toBe('K7M2Q9XA');
	});

	it('refuses a value sealed for another purpose, or altered', () => {
		const sealed = seal('radicado-code', 'K7M2Q9XA');
		expect(() => unseal('appointment-manage', sealed)).toThrow();
		const [v, iv, tag, data] = sealed.split('.');
		const flipped = Buffer.from(data!, 'base64url');
		flipped[0]! ^= 1;
		expect(() =>
			unseal('radicado-code', [v, iv, tag, flipped.toString('base64url')].join('.'))
		).toThrow();
	});

	it('still opens the security codes sealed by earlier versions (v1)', () => {
		const key = createHmac('sha256', appSecret()).update('radicado-code-seal').digest();
		expect(unseal('radicado-code', oldSeal(key, 'ABCD1234', ['v1']))).toBe('ABCD1234');
	});

	it('still opens the manage tokens sealed by earlier versions', () => {
		const key = createHash('sha256').update(`appointment-seal:${appSecret()}`).digest();
		expect(unseal('appointment-manage', oldSeal(key, 'token-123', []))).toBe('token-123');
	});
});

describe('signing', () => {
	it('gives back a signed value and refuses a changed one', () => {
		const signed = sign({ reference: 'CITA-7K3M-Q9', until: 1 });
		expect(verify(signed)).toEqual({ reference: 'CITA-7K3M-Q9', until: 1 });
		const [body] = signed.split('.');
		const forged = Buffer.from(JSON.stringify({ reference: 'CITA-OTRA-00', until: 1 }));
		expect(verify(`${forged.toString('base64url')}.${signed.split('.')[1]}`)).toBeUndefined();
		expect(verify(`${body}.`)).toBeUndefined();
		expect(verify(undefined)).toBeUndefined();
	});

	it('refuses a value signed for another purpose', () => {
		const pass = sign({ participantId: 'p1' }, 'call-room-pass');
		expect(verify(pass, 'call-room-pass')).toEqual({ participantId: 'p1' });
		expect(verify(pass, 'call-participant')).toBeUndefined();
		expect(verify(pass)).toBeUndefined();
	});

	it('keeps the format of cookies signed by earlier versions', () => {
		const body = Buffer.from(JSON.stringify('respuestas')).toString('base64url');
		const mac = createHmac('sha256', appSecret()).update(`cookie:${body}`).digest('base64url');
		expect(verify(`${body}.${mac}`)).toBe('respuestas');
	});
});

describe('keyed hashes and comparison', () => {
	it('hashes under the app secret', () => {
		const expected = createHmac('sha256', appSecret()).update('1-2026-000001\nABCD').digest('hex');
		expect(keyedHash('1-2026-000001\nABCD')).toBe(expected);
	});

	it('compares texts of any length without throwing', () => {
		expect(sameText('abc', 'abc')).toBe(true);
		expect(sameText('abc', 'abd')).toBe(false);
		expect(sameText('abc', 'abcd')).toBe(false);
	});
});

describe('random bytes', () => {
	it('hands out the asked number of bytes, never the same ones twice, across draws', () => {
		// 700 × 12 bytes cross two 4 KB draws.
		const taken = Array.from({ length: 700 }, () => random(12));
		expect(taken.every((bytes) => bytes.length === 12)).toBe(true);
		expect(new Set(taken.map((bytes) => bytes.toString('hex'))).size).toBe(700);
		const big = random(10_000);
		expect(big.length).toBe(10_000);
		expect(new Set(big).size).toBeGreaterThan(200);
	});
});
