import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';

/** Thrown when another live process holds the embedded data directory. */
export class DataDirLocked extends Error {
	readonly dir: string;
	readonly owner: number;
	// No parameter properties: scripts/db-*.js load this file with Node's type stripping.
	constructor(dir: string, owner: number) {
		super(`The data directory ${dir} is in use by process ${owner}. Stop it first.`);
		this.name = 'DataDirLocked';
		this.dir = dir;
		this.owner = owner;
	}
}

// Locks this process holds, so a pid equal to ours in a stale file (a restarted container) is not us.
const held = new Set<string>();

function isAlive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		// EPERM: the process exists but belongs to another user.
		return (error as NodeJS.ErrnoException).code === 'EPERM';
	}
}

function ownerOf(file: string): number {
	try {
		return Number.parseInt(readFileSync(file, 'utf8').trim(), 10) || 0;
	} catch {
		return 0;
	}
}

/**
 * Takes an exclusive lock on an embedded (PGlite) data directory: `<dir>.lock` holds the owner's
 * pid. PGlite has no lock of its own, and two writers on one directory corrupt it. A lock left by
 * a dead process (kill -9, power cut) is taken over. Returns the release function.
 */
export function lockDataDir(dir: string): () => void {
	const file = `${dir}.lock`;
	for (let attempt = 0; attempt < 3; attempt++) {
		try {
			const fd = openSync(file, 'wx', 0o600);
			writeSync(fd, String(process.pid));
			closeSync(fd);
			held.add(file);
			const release = () => {
				if (!held.delete(file)) return;
				if (ownerOf(file) === process.pid) rmSync(file, { force: true });
			};
			process.once('exit', release);
			return release;
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
			const owner = ownerOf(file);
			const ours = owner === process.pid && held.has(file);
			if (ours || (owner && owner !== process.pid && isAlive(owner))) {
				throw new DataDirLocked(dir, owner);
			}
			rmSync(file, { force: true });
		}
	}
	throw new DataDirLocked(dir, ownerOf(file));
}
