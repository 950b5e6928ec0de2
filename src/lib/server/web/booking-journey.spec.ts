import type { Cookies } from '@sveltejs/kit';
import { inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { sign } from '../crypto';
import { answers } from './booking-journey';

function jar(): Cookies & { values: Map<string, string> } {
	const values = new Map<string, string>();
	return {
		values,
		get: (name: string) => values.get(name),
		getAll: () => [...values].map(([name, value]) => ({ name, value })),
		set: (name: string, value: string) => void values.set(name, value),
		delete: (name: string) => void values.delete(name),
		serialize: () => ''
	} as unknown as Cookies & { values: Map<string, string> };
}

const mine = {
	name: 'Ana María Epieyú',
	documentNumber: '40123456',
	email: 'ana@example.com',
	phone: '+573001234567',
	description: 'Mi subsidio de gas no llegó'
};

/** Everything a reader of the cookie could decode from it: base64url pieces, inflated or not. */
function readable(value: string): string {
	return value
		.split('.')
		.map((part) => {
			const raw = Buffer.from(part, 'base64url');
			let text = raw.toString('utf8');
			try {
				text += inflateRawSync(raw).toString('utf8');
			} catch {
				// Not deflated.
			}
			try {
				text += inflateRawSync(Buffer.from(raw.toString('utf8'), 'base64url')).toString('utf8');
			} catch {
				// Not a deflated value inside.
			}
			return text;
		})
		.join(' ');
}

describe('the booking answers cookie', () => {
	it('is sealed: nobody holding it can read the personal data it carries', () => {
		const cookies = jar();
		expect(answers.save(cookies, mine)).toBe(true);
		const value = cookies.values.get('citas_respuestas')!;
		for (const secret of Object.values(mine)) expect(readable(value)).not.toContain(secret);
		expect(answers.read(cookies)).toEqual(mine);
	});

	it('reads nothing from an altered cookie, nor from a signed one of an earlier version', () => {
		const cookies = jar();
		answers.save(cookies, mine);
		const value = cookies.values.get('citas_respuestas')!;
		cookies.values.set(
			'citas_respuestas',
			value.slice(0, -2) + (value.endsWith('A') ? 'BB' : 'AA')
		);
		expect(answers.read(cookies)).toEqual({});
		cookies.values.set('citas_respuestas', sign('e30'));
		expect(answers.read(cookies)).toEqual({});
	});
});
