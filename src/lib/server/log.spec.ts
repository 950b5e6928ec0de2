import { afterEach, describe, expect, it, vi } from 'vitest';

async function loggerWith(level: string | undefined) {
	vi.resetModules();
	vi.stubEnv('LOG_LEVEL', level);
	return (await import('./log')).log;
}

describe('LOG_LEVEL', () => {
	afterEach(() => {
		vi.unstubAllEnvs();
		vi.restoreAllMocks();
	});

	it('writes the line per request by default, and drops it under warn', async () => {
		const out = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
		(await loggerWith(undefined)).info('request', { status: 200 });
		expect(out).toHaveBeenCalledTimes(1);
		expect(JSON.parse(String(out.mock.calls[0]![0]))).toMatchObject({ level: 'info', status: 200 });

		out.mockClear();
		const quiet = await loggerWith('warn');
		quiet.info('request', { status: 200 });
		expect(out).not.toHaveBeenCalled();
		quiet.warn('database unavailable');
		expect(out).toHaveBeenCalledTimes(1);
	});

	it('keeps errors under error, and reads an unknown level as info', async () => {
		const out = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
		const err = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
		const only = await loggerWith('error');
		only.warn('slow');
		only.error('failed');
		expect(out).not.toHaveBeenCalled();
		expect(err).toHaveBeenCalledTimes(1);
		(await loggerWith('verbose')).info('request');
		expect(out).toHaveBeenCalledTimes(1);
	});
});
