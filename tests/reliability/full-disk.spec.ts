// The embedded database's disk fills up: on a small tmpfs data directory, first nearly (below the
// reserve PGlite needs to write safely), then to the last byte. Writes must answer 503 and leave
// nothing half-written, reads must go on, and once space is freed every acknowledged request must
// be there, also after a restart on the same directory (which must not be corrupted).
import { PGlite } from '@electric-sql/pglite';
import { execFileSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, statfsSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DISK_RESERVE_BYTES } from '../../src/lib/server/db';
import { setClock, startServer, type AppServer } from '../support/servers';
import { NOW, SLOTS, booking, filing, postJson } from './journeys';
import { report } from './report';

const PORT = 4784;
const RUN = '33';
const MB = 2 ** 20;

/** Whether this process may mount a tmpfs (root with the capability, as in CI). */
function canMount(): boolean {
	if (process.getuid?.() !== 0) return false;
	const probe = mkdtempSync(join(tmpdir(), 'ventanilla-mount-'));
	try {
		execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', probe], { stdio: 'ignore' });
		execFileSync('umount', [probe], { stdio: 'ignore' });
		return true;
	} catch {
		return false;
	} finally {
		rmSync(probe, { recursive: true, force: true });
	}
}
const mountable = canMount();

const free = (dir: string) => {
	const { bavail, bsize } = statfsSync(dir);
	return bavail * bsize;
};

/** Writes zeros into `file` until only `leave` bytes are free (0: until the disk refuses). */
function fill(dir: string, file: string, leave: number): void {
	const fd = openSync(file, 'a');
	const chunk = Buffer.alloc(MB);
	try {
		for (;;) {
			const room = free(dir) - leave;
			if (room <= 0) return;
			writeSync(fd, chunk, 0, Math.min(chunk.length, room));
		}
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
	} finally {
		closeSync(fd);
	}
}

let mount: string | undefined;
let server: AppServer | undefined;
afterAll(async () => {
	try {
		await server?.kill9();
	} finally {
		if (mount) {
			execFileSync('umount', [mount]);
			rmSync(mount, { recursive: true, force: true });
		}
	}
});

describe.skipIf(!mountable)('a full disk under the embedded database', () => {
	it('refuses writes with 503, keeps reads going and keeps everything acknowledged', async () => {
		mount = mkdtempSync(join(tmpdir(), 'ventanilla-full-'));
		execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=160m', 'tmpfs', mount]);
		server = await startServer({ port: PORT, dataDir: mount });
		await setClock(server, NOW);
		const app = server;

		const filed = new Map<string, string>();
		const booked = new Map<string, string>();
		let i = 0;
		const file = async () => {
			const answer = await postJson(app, '/api/v1/radicados', filing(RUN, i++));
			if (answer.status === 201) {
				filed.set(answer.body!.number as string, answer.body!.securityCode as string);
			}
			return answer;
		};
		const isUnavailable = (answer: Awaited<ReturnType<typeof postJson>>) =>
			answer.status === 503 &&
			answer.type.startsWith('application/problem+json') &&
			Boolean(answer.retryAfter);

		// Plenty of space: some petitions and appointments.
		for (let n = 0; n < 20; n++) expect((await file()).status).toBe(201);
		for (let n = 0; n < 5; n++) {
			const answer = await postJson(app, '/api/v1/appointments', booking(RUN, n, SLOTS[n]!));
			expect(answer.status).toBe(201);
			booked.set(answer.body!.reference as string, answer.body!.manageToken as string);
		}

		// Nearly full: under the reserve, writes stop within a second or two.
		const fillers = [join(mount, 'filler-1'), join(mount, 'filler-2')];
		fill(mount, fillers[0]!, DISK_RESERVE_BYTES - 12 * MB);
		const nearlyFull = Date.now();
		const beforeRefusal: number[] = [];
		for (;;) {
			const answer = await file();
			if (isUnavailable(answer)) break;
			beforeRefusal.push(answer.status);
			expect(answer.status).toBe(201);
			expect(Date.now() - nearlyFull).toBeLessThan(10_000);
		}
		const secondsToReadOnly = (Date.now() - nearlyFull) / 1000;

		// Full to the last byte.
		fill(mount, fillers[1]!, 0);
		expect(free(mount)).toBeLessThan(MB);
		const writes: number[] = [];
		for (let n = 0; n < 10; n++) {
			const answer = await file();
			expect(isUnavailable(answer)).toBe(true);
			writes.push(answer.status);
			const change = await postJson(
				app,
				'/api/v1/appointments',
				booking(RUN, 10 + n, SLOTS[10 + n]!)
			);
			expect(isUnavailable(change)).toBe(true);
			writes.push(change.status);
		}
		const reads: Record<string, number> = {};
		const read = async (path: string, headers: Record<string, string> = {}) => {
			const response = await fetch(`${app.url}${path}`, { headers });
			await response.arrayBuffer();
			reads[path.replace(/^(\/api\/v1\/appointments)\/.*/, '$1/{reference}')] = response.status;
			return response.status;
		};
		for (const [reference, token] of booked) {
			expect(
				await read(`/api/v1/appointments/${reference}`, { authorization: `Bearer ${token}` })
			).toBe(200);
		}
		for (const path of [
			'/api/v1/services',
			'/api/v1/indicators',
			'/es/indicadores',
			'/es/carta-de-trato-digno',
			'/api/v1/health',
			'/api/v1/health/live'
		]) {
			expect(await read(path), path).toBe(200);
		}

		// Space is freed: writes come back on their own.
		for (const filler of fillers) rmSync(filler);
		const freed = Date.now();
		let afterFreeing = await file();
		while (afterFreeing.status !== 201) {
			expect(isUnavailable(afterFreeing)).toBe(true);
			expect(Date.now() - freed).toBeLessThan(10_000);
			await new Promise((resolve) => setTimeout(resolve, 200));
			afterFreeing = await file();
		}
		const secondsToWrite = (Date.now() - freed) / 1000;

		let found = 0;
		for (const [number, securityCode] of filed) {
			const answer = await postJson(app, '/api/v1/radicados/lookup', { number, securityCode });
			if (answer.status === 200) found++;
		}
		expect(found).toBe(filed.size);
		const acknowledged = filed.size + booked.size;

		// A clean stop and a restart on the same directory: it opens, and nothing is missing or
		// half-written (each petition with its receipt email, numbers without a gap).
		await server.stop();
		const client = new PGlite({ dataDir: join(mount, 'pgdata') });
		const count = async (text: string) =>
			((await client.query<{ n: number }>(text)).rows[0]?.n ?? -1) as number;
		const numbers = (
			await client.query<{ number: string }>('select number from radicados order by number')
		).rows.map((r) => r.number);
		const receipts = await count(
			`select count(*)::int as n from outbox where kind = 'radicado.filed'`
		);
		const appointments = await count('select count(*)::int as n from appointments');
		await client.close();
		expect(numbers.sort()).toEqual([...filed.keys()].sort());
		const sequence = numbers.map((n) => Number(n.split('-')[2]));
		expect(sequence).toEqual(sequence.map((_, n) => n + 1));
		expect(receipts).toBe(filed.size);
		expect(appointments).toBe(booked.size);

		server = await startServer({ port: PORT, dataDir: mount });
		await setClock(server, NOW);
		const [number, securityCode] = [...filed][0]!;
		expect(
			(await postJson(server, '/api/v1/radicados/lookup', { number, securityCode })).status
		).toBe(200);
		expect((await file()).status).toBe(201);
		await server.stop();

		report('full-disk-pglite', {
			tmpfsMb: 160,
			reserveMb: DISK_RESERVE_BYTES / MB,
			acknowledgedBeforeFull: 20 + 5,
			acceptedWhileFilling: beforeRefusal.length,
			secondsToReadOnly,
			writesWhileFull: writes.length,
			writeStatusesWhileFull: [...new Set(writes)],
			readStatusesWhileFull: reads,
			secondsToWriteAfterFreeing: secondsToWrite,
			acknowledged,
			foundAfterFreeing: found + booked.size,
			storedAfterRestart: numbers.length + appointments,
			halfWritten: numbers.length - receipts
		});
	});
});

if (!mountable) {
	console.warn(
		'Cannot mount a tmpfs (needs root with CAP_SYS_ADMIN): the full-disk test is skipped.'
	);
}
