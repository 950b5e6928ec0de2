import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { readConfig } from '../config';
import { iceServers, turnCredential } from './ice';

describe('TURN credentials (coturn REST API, use-auth-secret)', () => {
	it('name the expiry and sign the name with the shared secret', () => {
		const now = Date.parse('2026-03-02T14:00:00Z');
		const { username, credential } = turnCredential('s3cret', 3600, now);
		const [expiry, label] = username.split(':');
		expect(Number(expiry)).toBe(now / 1000 + 3600);
		expect(label).toMatch(/^[\w-]{8}$/);
		expect(credential).toBe(createHmac('sha1', 's3cret').update(username).digest('base64'));
	});

	it('are given for TURN servers only; STUN needs none', () => {
		const { calls } = readConfig({
			ICE_SERVERS: 'stun:stun.example.org:3478, turn:turn.example.org:3478?transport=udp',
			TURN_SECRET: 's3cret'
		});
		const [stun, turn] = iceServers(calls);
		expect(stun).toEqual({ urls: ['stun:stun.example.org:3478'] });
		expect(turn).toMatchObject({
			urls: ['turn:turn.example.org:3478?transport=udp'],
			username: expect.stringMatching(/^\d+:/),
			credential: expect.any(String)
		});
	});
});

describe('call settings', () => {
	it('default to the built-in room, no ICE servers and every route', () => {
		expect(readConfig({}).calls).toEqual({
			provider: 'builtin',
			iceServers: [],
			turnSecret: undefined,
			turnCredentialTtl: 14_400,
			iceTransportPolicy: 'all'
		});
	});

	it('refuse a TURN server without its secret, and anything that is not an ICE URL', () => {
		expect(() => readConfig({ ICE_SERVERS: 'turn:turn.example.org' })).toThrow(
			/ICE_SERVERS names a TURN server: set TURN_SECRET/
		);
		expect(() => readConfig({ ICE_SERVERS: 'https://example.org' })).toThrow(
			/ICE_SERVERS must be a comma-separated list .* \(got "https:\/\/example.org"\)/
		);
		expect(() => readConfig({ VIDEO_PROVIDER: 'zoom' })).toThrow(
			/VIDEO_PROVIDER must be builtin or external/
		);
	});

	it('never print the TURN secret in an error', () => {
		expect(() => readConfig({ TURN_SECRET: 'do-not-print', TURN_CREDENTIAL_TTL: '5' })).toThrow(
			/^(?!.*do-not-print).*TURN_CREDENTIAL_TTL must be a number of seconds/
		);
	});
});
