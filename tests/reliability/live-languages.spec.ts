// Two instances on one PostgreSQL: what translators, reviewers and editors publish through one
// instance is served by the other at once, without a restart — a reviewed Wayuunaiki string, a
// reviewed recording, a channel's hours and a closure approved in the content studio. The texts are test texts and the recording a tone: no Wayuunaiki is invented.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POSTGRES_URL, blankPostgres, startServer, type AppServer } from '../support/servers';
import { tone } from '../../src/lib/server/testing/tone';
import { report } from './report';

const PASSWORD = 'una frase larga de prueba';
const TEXT = 'Prueba de menú publicada (no es wayuunaiki)';

async function signIn(server: AppServer, email: string, roles: string[]): Promise<string> {
	const created = await fetch(`${server.url}/__test__/staff`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ email, roles, password: PASSWORD })
	});
	expect(created.status).toBe(204);
	const session = await fetch(`${server.url}/api/v1/staff/session`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ email, password: PASSWORD })
	});
	expect(session.status).toBe(200);
	return session.headers.get('set-cookie')!.split(';')[0]!;
}

async function call(
	server: AppServer,
	cookie: string,
	method: string,
	path: string,
	body: BodyInit,
	type = 'application/json'
): Promise<Response> {
	return fetch(`${server.url}${path}`, {
		method,
		headers: { cookie, 'content-type': type },
		body
	});
}

/** Milliseconds until `check` holds, asking again at once; fails after 10 s. */
async function until(check: () => Promise<boolean>): Promise<number> {
	const started = performance.now();
	while (!(await check())) {
		if (performance.now() - started > 10_000) throw new Error('not seen within 10 s');
		await new Promise((resolve) => setTimeout(resolve, 10));
	}
	return Math.round(performance.now() - started);
}

describe.skipIf(!POSTGRES_URL)('two instances on one PostgreSQL, and the Wayuunaiki studio', () => {
	let first: AppServer;
	let second: AppServer;
	let translator: string;
	let reviewer: string;

	beforeAll(async () => {
		await blankPostgres(POSTGRES_URL!);
		const servers = await Promise.all(
			[4744, 4745].map((port) => startServer({ port, databaseUrl: POSTGRES_URL }))
		);
		first = servers[0]!;
		second = servers[1]!;
		translator = await signIn(first, 'traductora@example.org', ['translator']);
		reviewer = await signIn(first, 'revisor@example.org', ['reviewer']);
	});

	afterAll(async () => {
		await Promise.all([first?.stop(), second?.stop()]);
	});

	/** The second account approves the Wayuunaiki draft at `path`, through the first instance. */
	const approve = async (path: string) => {
		const reviewed = await call(
			first,
			reviewer,
			'POST',
			path,
			JSON.stringify({ lang: 'guc', decision: 'approve' })
		);
		expect(reviewed.status).toBe(200);
		return reviewed;
	};

	const navigation = async (server: AppServer) => {
		const html = await (await fetch(`${server.url}/guc/carta-de-trato-digno`)).text();
		return /<nav class="main-nav"[\s\S]*?<\/nav>/.exec(html)![0];
	};

	it('serves a string reviewed through the first instance from the second, never its draft', async () => {
		const saved = await call(
			first,
			translator,
			'PUT',
			'/api/v1/staff/translations/common:nav.charter',
			JSON.stringify({ lang: 'guc', text: TEXT })
		);
		expect(saved.status).toBe(200);
		// A draft is never shown, on either instance.
		expect(await navigation(second)).not.toContain(TEXT);
		expect(await navigation(first)).not.toContain(TEXT);

		await approve('/api/v1/staff/translations/common:nav.charter/review');
		const ms = await until(async () => (await navigation(second)).includes(`>${TEXT}<`));
		expect(await navigation(first)).toContain(`>${TEXT}<`);
		report('live-string', { secondInstanceMs: ms });
	});

	it('serves a recording reviewed through the first instance from the second, in both formats', async () => {
		const take = tone(2, 'webm');
		const uploaded = await call(
			first,
			translator,
			'PUT',
			'/api/v1/staff/recordings/citas.inicio?lang=guc',
			new Uint8Array(take),
			'audio/webm'
		);
		expect(uploaded.status).toBe(200);
		const reviewed = await approve('/api/v1/staff/recordings/citas.inicio/review');
		const id = ((await reviewed.json()) as { published: { id: string } }).published.id;

		const ms = await until(async () =>
			(await (await fetch(`${second.url}/guc/citas`)).text()).includes(
				`/audio/grabaciones/${id}.opus`
			)
		);
		for (const [format, type] of [
			['opus', 'audio/ogg; codecs=opus'],
			['mp3', 'audio/mpeg']
		]) {
			const file = await fetch(`${second.url}/audio/grabaciones/${id}.${format}`);
			expect(file.status).toBe(200);
			expect(file.headers.get('content-type')).toBe(type);
			expect((await file.arrayBuffer()).byteLength).toBeGreaterThan(1000);
		}
		const languages = (await (await fetch(`${second.url}/api/v1/languages`)).json()) as {
			languages: { code: string; recordedMinutes: number }[];
		};
		expect(
			languages.languages.find((language) => language.code === 'guc')!.recordedMinutes
		).toBeGreaterThan(0);
		report('live-recording', { secondInstanceMs: ms });
	});

	it('serves split hours approved through the first instance from the second', async () => {
		const author = await signIn(first, 'ana.editora@example.org', ['editor']);
		const approver = await signIn(first, 'luis.editor@example.org', ['editor']);
		const item = (await (
			await fetch(`${first.url}/api/v1/staff/content/channel:presencial`, {
				headers: { cookie: author }
			})
		).json()) as { published: { availability: Record<string, unknown> } };
		const draft = {
			...item.published,
			availability: {
				...item.published.availability,
				opens: '08:00',
				closes: '17:00',
				pause: { from: '12:00', until: '14:00' }
			}
		};
		const path = '/api/v1/staff/content/channel:presencial';
		expect((await call(first, author, 'PUT', path, JSON.stringify({ draft }))).status).toBe(200);
		const approved = await call(
			first,
			approver,
			'POST',
			`${path}/review`,
			JSON.stringify({ decision: 'approve' })
		);
		expect(approved.status).toBe(200);
		const hours = async () => {
			const response = await fetch(`${second.url}/api/v1/channels?lang=es`);
			const body = (await response.json()) as {
				channels: { id: string; hours: { text: string } }[];
			};
			return body.channels.find((channel) => channel.id === 'presencial')!.hours.text;
		};
		const ms = await until(async () => (await hours()).includes('y de 2:00 p. m. a 5:00 p. m.'));
		report('live-content', { secondInstanceMs: ms });
	});

	it('stops offering a day closed through the first instance on the second', async () => {
		// Both clocks on Tuesday 24 November 2026: Friday 27 November offers slots until it closes.
		for (const server of [first, second]) {
			const set = await fetch(`${server.url}/__test__/clock`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({ now: '2026-11-24T10:00:00-05:00' })
			});
			expect(set.status).toBe(204);
		}
		const author = await signIn(first, 'ana.editora@example.org', ['editor']);
		const approver = await signIn(first, 'luis.editor@example.org', ['editor']);
		const offered = async () => {
			const response = await fetch(
				`${second.url}/api/v1/appointments/slots?from=2026-11-27&to=2026-11-27`
			);
			expect(response.status).toBe(200);
			return ((await response.json()) as { days: unknown[] }).days.length;
		};
		expect(await offered()).toBe(1);
		const path = '/api/v1/staff/content/calendar:dias-no-habiles';
		const draft = {
			days: [{ date: '2026-11-27', kind: 'closure', reason: 'Trasladamos la oficina.' }]
		};
		expect((await call(first, author, 'PUT', path, JSON.stringify({ draft }))).status).toBe(200);
		const approved = await call(
			first,
			approver,
			'POST',
			`${path}/review`,
			JSON.stringify({ decision: 'approve' })
		);
		expect(approved.status).toBe(200);
		const ms = await until(async () => (await offered()) === 0);
		report('live-closure', { secondInstanceMs: ms });
	});
});
