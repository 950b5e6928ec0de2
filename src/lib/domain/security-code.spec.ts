import { describe, expect, it } from 'vitest';
import {
	CROCKFORD,
	formatSecurityCode,
	generateSecurityCode,
	isSecurityCode,
	normaliseSecurityCode
} from './security-code';

describe('security codes', () => {
	it('has 8 Crockford base32 characters', () => {
		for (let i = 0; i < 200; i += 1) {
			const code = generateSecurityCode();
			expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{8}$/);
			expect(isSecurityCode(code)).toBe(true);
		}
	});

	it('carries at least 40 bits: 32 symbols over 8 places', () => {
		expect(CROCKFORD).toHaveLength(32);
		expect(Math.log2(CROCKFORD.length ** 8)).toBeGreaterThanOrEqual(40);
	});

	it('uses every symbol over many codes', () => {
		const seen = new Set<string>();
		for (let i = 0; i < 500; i += 1) for (const c of generateSecurityCode()) seen.add(c);
		expect(seen.size).toBe(32);
	});

	it('accepts lower case, spaces, hyphens and look-alike letters', () => {
		expect(normaliseSecurityCode(' k7qm-3xpa ')).toBe('K7QM3XPA');
		expect(normaliseSecurityCode('iLoo 1234')).toBe('11001234');
	});

	it('refuses wrong lengths and letters outside the alphabet', () => {
		expect(isSecurityCode('K7QM3XP')).toBe(false);
		expect(isSecurityCode('K7QM3XPU')).toBe(false);
	});

	it('groups the code in fours for reading', () => {
		expect(formatSecurityCode('K7QM3XPA')).toBe('K7QM-3XPA');
	});
});
