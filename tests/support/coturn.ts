// Starts Debian's coturn (`turnserver`) on loopback for the relay journeys: TURN with the REST
// API's time-limited credentials (use-auth-secret), relaying between loopback peers. The test
// may kill it (a dropped network) and start it again on the same port.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { createSocket } from 'node:dgram';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const TURN_PORT = Number(process.env.E2E_TURN_PORT ?? 3490);
const RELAY_MIN = Number(process.env.E2E_TURN_MIN_PORT ?? 49160);
const RELAY_MAX = Number(process.env.E2E_TURN_MAX_PORT ?? 49200);

export function turnserverInstalled(): boolean {
	return spawnSync('sh', ['-c', 'command -v turnserver']).status === 0;
}

export interface Turn {
	port: number;
	secret: string;
	/** Stops it at once, as a network drop would. */
	kill(): Promise<void>;
	/** Starts it again with the same port and secret. */
	restart(): Promise<void>;
}

/** Resolves once the server answers a STUN binding request on its port. */
async function answers(port: number, timeoutMs: number): Promise<boolean> {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		const ok = await new Promise<boolean>((resolve) => {
			const socket = createSocket('udp4');
			const request = Buffer.alloc(20);
			request.writeUInt16BE(0x0001, 0);
			request.writeUInt32BE(0x2112a442, 4);
			randomBytes(12).copy(request, 8);
			const timer = setTimeout(() => finish(false), 300);
			function finish(result: boolean) {
				clearTimeout(timer);
				socket.close();
				resolve(result);
			}
			socket.on('message', (message) => finish(message.readUInt16BE(0) === 0x0101));
			socket.on('error', () => finish(false));
			socket.send(request, port, '127.0.0.1');
		});
		if (ok) return true;
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
	return false;
}

export async function startTurn(port = TURN_PORT): Promise<Turn> {
	const secret = randomUUID();
	const dir = mkdtempSync(join(tmpdir(), 'ventanilla-turn-'));
	let child: ChildProcess | undefined;
	let logs = '';
	const args = [
		'-n',
		'--listening-ip=127.0.0.1',
		`--listening-port=${port}`,
		'--relay-ip=127.0.0.1',
		`--min-port=${RELAY_MIN}`,
		`--max-port=${RELAY_MAX}`,
		'--use-auth-secret',
		`--static-auth-secret=${secret}`,
		'--realm=ventanilla.test',
		'--no-tls',
		'--no-dtls',
		'--no-cli',
		// The journeys' browsers are on loopback; a real deployment must not allow this.
		'--allow-loopback-peers',
		`--pidfile=${join(dir, 'turnserver.pid')}`,
		`--userdb=${join(dir, 'turndb')}`,
		'--log-file=stdout',
		'--simple-log'
	];
	async function start() {
		child = spawn('turnserver', args, { stdio: ['ignore', 'pipe', 'pipe'] });
		child.stdout?.on('data', (chunk) => (logs += chunk));
		child.stderr?.on('data', (chunk) => (logs += chunk));
		if (!(await answers(port, 15_000))) {
			child.kill('SIGKILL');
			throw new Error(`turnserver did not start on ${port}:\n${logs.slice(-2000)}`);
		}
	}
	async function kill() {
		const running = child;
		if (!running || running.exitCode !== null) return;
		const exited = new Promise((resolve) => running.once('exit', resolve));
		running.kill('SIGKILL');
		await exited;
	}
	await start();
	return { port, secret, kill, restart: start };
}
