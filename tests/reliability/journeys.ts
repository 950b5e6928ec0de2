// Request factories shared by the reliability tests. Personal data is distinctive on purpose, so
// the log test can search the servers' output for every value it sent.
import { Agent, fetch as undiciFetch } from 'undici';
import type { AppServer } from '../support/servers';

const agents = new Map<string, Agent>();

/**
 * A client on its own loopback address (127.x.y.z): the app counts its limits per client address,
 * so a crowd of citizens, or an attacker with many addresses, is many addresses here too.
 */
export function from(address: string): Agent {
	let agent = agents.get(address);
	if (!agent) {
		agent = new Agent({ localAddress: address });
		agents.set(address, agent);
	}
	return agent;
}

/** The loopback address of the `i`-th citizen of a test run (`run`: two digits). */
export function addressOf(run: string, i: number): string {
	return `127.${Number(run) % 256}.${Math.floor(i / 250) % 256}.${(i % 250) + 2}`;
}

/** fetch from a given loopback address (undici's, which takes a dispatcher). */
export async function fetchFrom(address: string, url: string, init: RequestInit = {}) {
	return undiciFetch(url, { ...(init as object), dispatcher: from(address) });
}

/** Monday 4 February 2030, 08:00 in Bogotá: every slot below is in the booking window. */
export const NOW = '2030-02-04T08:00:00-05:00';
const DAYS = ['2030-02-05', '2030-02-06', '2030-02-07', '2030-02-08', '2030-02-11', '2030-02-12'];
const TIMES = Array.from({ length: 18 }, (_, i) => {
	const minutes = 8 * 60 + i * 30;
	return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
});
export const SLOTS = DAYS.flatMap((day) => TIMES.map((time) => `${day}T${time}:00-05:00`));

/** `run` is two digits that keep the data of one test apart from another's. */
export function person(run: string, i: number) {
	return {
		name: `Yanira Quintero${run}x${i}`,
		documentNumber: `8${run}${String(i).padStart(4, '0')}`,
		email: `yanira.${run}x${i}@correo-prueba.co`,
		phone: `310${run}${String(i).padStart(5, '0')}`
	};
}

export function booking(run: string, i: number, start: string) {
	const p = person(run, i);
	return {
		topic: 'informacion-general',
		start,
		consent: true,
		name: p.name,
		documentType: 'CC',
		documentNumber: p.documentNumber,
		email: p.email,
		phone: p.phone,
		callLanguage: 'es',
		preferential: []
	};
}

export function filing(run: string, i: number) {
	const p = person(run, i);
	return {
		type: 'peticion',
		subject: `Solicitud de prueba ${i}`,
		description: 'Pido revisar el subsidio de gas de mi vivienda, por favor.',
		identity: 'identified',
		name: p.name,
		document: `CC ${p.documentNumber}`,
		email: p.email,
		phone: p.phone,
		contactPreference: 'email',
		consent: true
	};
}

export async function postJson(
	server: AppServer,
	path: string,
	body: unknown,
	headers: Record<string, string> = {},
	address?: string
): Promise<{
	status: number;
	body: Record<string, unknown> | undefined;
	type: string;
	retryAfter: string | null;
}> {
	const init = {
		method: 'POST',
		headers: { 'content-type': 'application/json', ...headers },
		body: JSON.stringify(body)
	};
	const url = `${server.url}${path}`;
	const response = address ? await fetchFrom(address, url, init) : await fetch(url, init);
	const type = response.headers.get('content-type') ?? '';
	const text = await response.text();
	let parsed: Record<string, unknown> | undefined;
	try {
		parsed = JSON.parse(text) as Record<string, unknown>;
	} catch {
		parsed = undefined;
	}
	return {
		status: response.status,
		body: parsed,
		type,
		retryAfter: response.headers.get('retry-after')
	};
}
