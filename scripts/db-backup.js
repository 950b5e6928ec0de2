// npm run db:backup [-- <folder>]: copies the database, the attachments and the app secret into a
// new folder (default backups/ventanilla-<time>). The embedded database (PGlite) must not be in
// use: stop the server first; the data-directory lock refuses otherwise. With DATABASE_URL set,
// the PostgreSQL database is copied with pg_dump (custom format), which works while it runs.
import { PGlite } from '@electric-sql/pglite';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { lockDataDir } from '../src/lib/server/db/lock.ts';

const dataDir = resolve(process.env.DATA_DIR ?? 'data');
const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\..*/, '').replace('T', '-');
const target = resolve(process.argv[2] ?? join('backups', `ventanilla-${stamp}`));
if (existsSync(target)) {
	console.error(`${target} already exists; choose a new folder.`);
	process.exit(1);
}

try {
	if (process.env.DATABASE_URL) {
		mkdirSync(target, { recursive: true });
		const dump = spawnSync(
			'pg_dump',
			['--format=custom', '--file', join(target, 'postgres.dump'), process.env.DATABASE_URL],
			{ stdio: 'inherit' }
		);
		if (dump.status !== 0) throw new Error('pg_dump failed (is the PostgreSQL client installed?)');
	} else {
		const pgdata = join(dataDir, 'pgdata');
		if (!existsSync(pgdata)) throw new Error(`No embedded database in ${pgdata}.`);
		const release = lockDataDir(pgdata);
		try {
			const client = new PGlite({ dataDir: pgdata });
			await client.waitReady;
			const archive = await client.dumpDataDir('gzip');
			await client.close();
			mkdirSync(target, { recursive: true });
			writeFileSync(join(target, 'pgdata.tar.gz'), Buffer.from(await archive.arrayBuffer()));
		} finally {
			release();
		}
	}
	// Security codes and tokens are keyed hashes: without the secret, a restore cannot check them.
	if (existsSync(join(dataDir, 'app-secret'))) {
		cpSync(join(dataDir, 'app-secret'), join(target, 'app-secret'));
	}
	if (existsSync(join(dataDir, 'attachments'))) {
		cpSync(join(dataDir, 'attachments'), join(target, 'attachments'), { recursive: true });
	}
	console.log(`Backup written to ${target}`);
} catch (error) {
	console.error(`Backup failed: ${error instanceof Error ? error.message : error}`);
	process.exit(1);
}
