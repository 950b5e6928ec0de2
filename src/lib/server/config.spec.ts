import { describe, expect, it } from 'vitest';
import { ConfigError, readConfig } from './config';

function refusal(env: Record<string, string>, serving = false): string {
	try {
		readConfig(env, { serving });
	} catch (error) {
		expect(error).toBeInstanceOf(ConfigError);
		return (error as Error).message;
	}
	throw new Error('expected a configuration error');
}

describe('configuration', () => {
	it('runs a developer machine with no settings at all', () => {
		const config = readConfig({});
		expect(config).toMatchObject({
			port: 3000,
			host: '0.0.0.0',
			origin: 'http://localhost:3000',
			databaseUrl: undefined,
			smtp: { host: undefined, port: 587, secure: false },
			workerIntervalMs: 5000,
			testMode: false
		});
		expect(config.dataDir).toMatch(/\/data$/);
	});

	it('gives the public origin in one place, from ORIGIN or the port', () => {
		expect(readConfig({ PORT: '8080' }).origin).toBe('http://localhost:8080');
		expect(readConfig({ ORIGIN: 'https://ventanilla.example.gov.co/' }).origin).toBe(
			'https://ventanilla.example.gov.co'
		);
	});

	it('treats an empty variable as unset', () => {
		expect(readConfig({ DATABASE_URL: '', SMTP_PORT: '' })).toMatchObject({
			databaseUrl: undefined,
			smtp: { port: 587 }
		});
	});

	it('names a bad value in one clear line', () => {
		const message = refusal({ PORT: 'tres mil' });
		expect(message).toBe(
			'Configuration error: PORT must be a whole number from 1 to 65535 (got "tres mil").'
		);
		expect(message).not.toContain('\n');
	});

	it('names every bad value at once', () => {
		const message = refusal({
			ORIGIN: 'ventanilla.example.gov.co/inicio',
			SMTP_SECURE: 'yes',
			WORKER_INTERVAL_MS: '5'
		});
		expect(message).toMatch(/^Configuration error: ORIGIN .*; SMTP_SECURE must be true or false/);
		expect(message).toContain('WORKER_INTERVAL_MS must be a number of milliseconds');
		expect(message.split('\n')).toHaveLength(1);
	});

	it('requires APP_SECRET to serve in production, without echoing secrets', () => {
		expect(refusal({ NODE_ENV: 'production' }, true)).toBe(
			'Configuration error: APP_SECRET must be set in production (NODE_ENV=production).'
		);
		// A production build loads the settings too, long before any secret exists.
		expect(readConfig({ NODE_ENV: 'production' }).appSecret).toBeUndefined();
		const short = refusal({ NODE_ENV: 'production', APP_SECRET: 'corta' }, true);
		expect(short).toBe('Configuration error: APP_SECRET must be at least 16 characters.');
		expect(refusal({ DATABASE_URL: 'mysql://root:clave@db/app' })).not.toContain('clave');
		const secret = 'x'.repeat(64);
		expect(
			readConfig({ NODE_ENV: 'production', APP_SECRET: secret }, { serving: true }).appSecret
		).toBe(secret);
	});
});
