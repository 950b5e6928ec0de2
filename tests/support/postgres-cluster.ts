// A throw-away PostgreSQL cluster for tests that must stop and start the server (a crash, a
// failover): initdb into a temporary folder, its own port, never the shared server. As root the
// server runs as the `postgres` user, as .ci/run starts its own.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Debian's PostgreSQL server binaries, newest version first; undefined when none is installed. */
export function postgresBin(): string | undefined {
	const root = '/usr/lib/postgresql';
	if (!existsSync(root)) return undefined;
	const versions = readdirSync(root)
		.filter((version) => existsSync(join(root, version, 'bin', 'pg_ctl')))
		.sort((a, b) => Number(b) - Number(a));
	return versions[0] ? join(root, versions[0], 'bin') : undefined;
}

export interface Cluster {
	url: string;
	/** `pg_ctl stop`: `immediate` is a crash (no shutdown checkpoint, connections cut). */
	stop(mode?: 'immediate' | 'fast'): Promise<void>;
	/** Starts the server again; resolves once it accepts connections. */
	start(): Promise<void>;
	/** Stops the server and deletes its files. */
	destroy(): Promise<void>;
}

export async function startCluster(port: number): Promise<Cluster> {
	const bin = postgresBin();
	if (!bin) throw new Error('No PostgreSQL server binaries in /usr/lib/postgresql/*/bin');
	const dir = mkdtempSync(join(tmpdir(), 'ventanilla-pg-'));
	const root = process.getuid?.() === 0;
	// initdb refuses to run as root.
	const pg = (tool: string, args: string[]) =>
		root
			? run('runuser', ['-u', 'postgres', '--', join(bin, tool), ...args])
			: run(join(bin, tool), args);
	if (root) await run('chown', ['postgres:postgres', dir]);
	const data = join(dir, 'data');
	await pg('initdb', ['-D', data, '--auth=trust', '-U', 'postgres', '-E', 'UTF8']);
	const options = `-h 127.0.0.1 -p ${port} -k ${dir} -c fsync=off`;
	const start = async () => {
		await pg('pg_ctl', ['-D', data, '-l', join(dir, 'log'), '-w', '-o', options, 'start']);
	};
	const stop = async (mode: 'immediate' | 'fast' = 'immediate') => {
		await pg('pg_ctl', ['-D', data, '-m', mode, '-w', 'stop']);
	};
	await start();
	return {
		url: `postgres://postgres@127.0.0.1:${port}/postgres`,
		stop,
		start,
		async destroy() {
			await stop().catch(() => {});
			rmSync(dir, { recursive: true, force: true });
		}
	};
}
