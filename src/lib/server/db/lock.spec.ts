import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataDirLocked, lockDataDir } from './lock';

const dir = () => join(mkdtempSync(join(tmpdir(), 'ventanilla-lock-')), 'pgdata');

describe('data directory lock', () => {
	it('writes the owner pid and removes the file on release', () => {
		const pgdata = dir();
		const release = lockDataDir(pgdata);
		expect(readFileSync(`${pgdata}.lock`, 'utf8')).toBe(String(process.pid));
		release();
		expect(existsSync(`${pgdata}.lock`)).toBe(false);
	});

	it('refuses a directory this process already holds', () => {
		const pgdata = dir();
		const release = lockDataDir(pgdata);
		expect(() => lockDataDir(pgdata)).toThrow(DataDirLocked);
		release();
	});

	it('refuses a directory a live process holds', () => {
		const pgdata = dir();
		// The parent of this test process is alive for as long as the test runs.
		writeFileSync(`${pgdata}.lock`, String(process.ppid));
		expect(() => lockDataDir(pgdata)).toThrow(/in use by process/);
	});

	it('takes over a lock left by a dead process', () => {
		const pgdata = dir();
		writeFileSync(`${pgdata}.lock`, '2147483646');
		const release = lockDataDir(pgdata);
		expect(readFileSync(`${pgdata}.lock`, 'utf8')).toBe(String(process.pid));
		release();
	});

	it('takes over a lock with our own pid that this process does not hold (a restarted container)', () => {
		const pgdata = dir();
		writeFileSync(`${pgdata}.lock`, String(process.pid));
		lockDataDir(pgdata)();
	});
});
