import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { readCallConfig } from './config';
import { iceServers, turnCredential } from './ice';

describe('TURN credentials (coturn REST API, use-auth-secret)', () => {
	it('name the expiry and sign the name with the shared secret', () => {
		const now = Date.parse('2026-03-02T14:00:00Z');
		const { username, credential } = turnCredential('s3cret', 3600, now);
		const [expiry, label] = username.split(':');
		expect(Number(expiry)).toBe(now / 1000 + 3600);
		expect(label).toMatch(/^[0-9a-f]{12}$/);
		expect(credential).toBe(createHmac('sha1', 's3cret').update(username).digest('base64'));
	});

	it('are given for TURN servers only; STUN needs none', () => {
		const config = readCallConfig({
			ICE_SERVERS: 'stun:stun.example.org:3478, turn:turn.example.org:3478?transport=udp',
			TURN_SECRET: 's3cret'
		});
		const [stun, turn] = iceServers(config);
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
		expect(readCallConfig({})).toMatchObject({
			provider: 'builtin',
			iceServers: [],
			iceTransportPolicy: 'all'
		});
	});

	it('refuse a TURN server without its secret, and anything that is not an ICE URL', () => {
		expect(() => readCallConfig({ ICE_SERVERS: 'turn:turn.example.org' })).toThrow(/TURN_SECRET/);
		expect(() => readCallConfig({ ICE_SERVERS: 'https://example.org' })).toThrow(/ICE_SERVERS/);
		expect(() => readCallConfig({ VIDEO_PROVIDER: 'zoom' })).toThrow();
	});
});
