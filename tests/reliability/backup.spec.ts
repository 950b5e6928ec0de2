// npm run db:backup and db:restore on the embedded database: refused while the server holds the
// data directory, then a restored copy answers every look-up the original answered.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { setClock, startServer, temporaryDir, type AppServer } from '../support/servers';
import { NOW, filing, postJson } from './journeys';
import { report } from './report';

function script(name: string, dataDir: string, ...args: string[]) {
	return spawnSync(process.execPath, [`scripts/${name}.js`, ...args], {
		env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' },
		encoding: 'utf8'
	});
}

const servers: AppServer[] = [];
afterAll(async () => {
	await Promise.all(servers.map((s) => s.kill9()));
});

async function fileSome(server: AppServer, run: string, count: number) {
	const filed: { number: string; securityCode: string }[] = [];
	for (let i = 0; i < count; i++) {
		const answer = await postJson(server, '/api/v1/radicados', filing(run, i));
		expect(answer.status).toBe(201);
		filed.push(answer.body as { number: string; securityCode: string });
	}
	return filed;
}

async function found(server: AppServer, filed: { number: string; securityCode: string }[]) {
	let n = 0;
	for (const f of filed) {
		if ((await postJson(server, '/api/v1/radicados/lookup', f)).status === 200) n++;
	}
	return n;
}

describe('backup and restore of the embedded database', () => {
	it('refuses while the server runs, then restores what was backed up and nothing after', async () => {
		const started = Date.now();
		const dataDir = temporaryDir();
		const backup = join(temporaryDir(), 'copy');
		const first = await startServer({ port: 4770, dataDir });
		servers.push(first);
		await setClock(first, NOW);
		const before = await fileSome(first, '41', 3);

		const refused = script('db-backup', dataDir, backup);
		expect(refused.status).not.toBe(0);
		expect(refused.stderr).toMatch(/in use by process/);

		await first.stop();
		const made = script('db-backup', dataDir, backup);
		expect(made.status, made.stderr).toBe(0);

		const second = await startServer({ port: 4770, dataDir });
		servers.push(second);
		await setClock(second, NOW);
		const after = await fileSome(second, '42', 2);
		await second.stop();

		const restored = script('db-restore', dataDir, backup);
		expect(restored.status, restored.stderr).toBe(0);
		const third = await startServer({ port: 4770, dataDir });
		servers.push(third);
		await setClock(third, NOW);
		expect(await found(third, before)).toBe(3);
		expect(await found(third, after)).toBe(0);
		await third.stop();

		report('backup-restore', {
			filedBeforeBackup: before.length,
			filedAfterBackup: after.length,
			foundAfterRestore: 3,
			seconds: (Date.now() - started) / 1000
		});
	});
});
