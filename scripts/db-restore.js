// npm run db:restore -- <folder>: puts a backup made by db:backup back. The embedded database is
// restored into DATA_DIR/pgdata (the current one is kept as pgdata.before-restore-<time>); the
// server must be stopped. With DATABASE_URL set, pg_restore --clean replaces the tables.
import { PGlite } from '@electric-sql/pglite';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, renameSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { lockDataDir } from '../src/lib/server/db/lock.ts';

const dataDir = resolve(process.env.DATA_DIR ?? 'data');
const source = process.argv[2] && resolve(process.argv[2]);
const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\..*/, '').replace('T', '-');

try {
	if (!source || !existsSync(source))
		throw new Error('Name the backup folder: npm run db:restore -- <folder>');
	mkdirSync(dataDir, { recursive: true });
	if (process.env.DATABASE_URL) {
		const dump = join(source, 'postgres.dump');
		if (!existsSync(dump))
			throw new Error(`${dump} is missing: was this backup made with DATABASE_URL?`);
		const restore = spawnSync(
			'pg_restore',
			['--clean', '--if-exists', '--no-owner', '--dbname', process.env.DATABASE_URL, dump],
			{ stdio: 'inherit' }
		);
		if (restore.status !== 0) throw new Error('pg_restore failed');
	} else {
		const archive = join(source, 'pgdata.tar.gz');
		if (!existsSync(archive))
			throw new Error(`${archive} is missing: was this an embedded backup?`);
		const pgdata = join(dataDir, 'pgdata');
		const release = lockDataDir(pgdata);
		try {
			if (existsSync(pgdata)) renameSync(pgdata, `${pgdata}.before-restore-${stamp}`);
			const client = new PGlite({
				dataDir: pgdata,
				loadDataDir: new Blob([readFileSync(archive)])
			});
			await client.waitReady;
			await client.close();
		} finally {
			release();
		}
	}
	if (existsSync(join(source, 'app-secret'))) {
		const secret = join(dataDir, 'app-secret');
		if (existsSync(secret)) renameSync(secret, `${secret}.before-restore-${stamp}`);
		cpSync(join(source, 'app-secret'), secret);
	}
	if (existsSync(join(source, 'attachments'))) {
		cpSync(join(source, 'attachments'), join(dataDir, 'attachments'), { recursive: true });
	}
	console.log(`Restored ${source} into ${process.env.DATABASE_URL ? 'PostgreSQL' : dataDir}`);
} catch (error) {
	console.error(`Restore failed: ${error instanceof Error ? error.message : error}`);
	process.exit(1);
}
