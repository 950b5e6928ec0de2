import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

describe('npm start', () => {
	it('refuses a bad setting with one line that names it, before serving anything', () => {
		const started = spawnSync(process.execPath, ['scripts/start.js'], {
			env: { ...process.env, PORT: 'tres mil', ORIGIN: '' },
			encoding: 'utf8',
			timeout: 20_000
		});
		expect(started.status).toBe(1);
		expect(started.stderr).toBe(
			'Configuration error: PORT must be a whole number from 1 to 65535 (got "tres mil").\n'
		);
		expect(started.stdout).toBe('');
	});
});
