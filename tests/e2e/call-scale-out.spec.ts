// The citizen and the official reach different app instances on one PostgreSQL: the signalling
// lives in the database (with NOTIFY to wake the other instance), so the call connects all the same.
import { request as playwrightRequest, type Page } from '@playwright/test';
import postgres from 'postgres';
import {
	blankPostgres,
	POSTGRES_URL,
	setClock,
	startServer,
	type AppServer
} from '../support/servers';
import { expect, signInAsStaff, test } from './fixtures';
import { at, bookCall, DAY, expectMediaFlowing, MEDIA_LAUNCH, openSides } from './call-support';

const FIRST = Number(process.env.E2E_PORT ?? 4173) + 20;

test.use({ launchOptions: MEDIA_LAUNCH });
test.describe.configure({ timeout: 180_000 });
test.skip(!POSTGRES_URL, 'POSTGRES_TEST_URL is unset: the two-instance call is skipped.');

let servers: AppServer[] = [];
const base = (i: number) => `http://localhost:${FIRST + i}`;

test.beforeAll(async () => {
	test.setTimeout(150_000);
	await blankPostgres(POSTGRES_URL!);
	servers = await Promise.all(
		[0, 1].map((i) =>
			startServer({
				// startServer moves the port it is given by E2E_PORT − 4173: this is FIRST + i.
				port: 4173 + 20 + i,
				databaseUrl: POSTGRES_URL,
				env: { ORIGIN: base(i) }
			})
		)
	);
});

test.afterAll(async () => {
	await Promise.all(servers.map((server) => server.stop()));
});

test('a citizen on one instance and an official on another see and hear each other', async ({
	browser
}) => {
	const citizenApi = await playwrightRequest.newContext({ baseURL: base(1) });
	// Each instance has its own clock: both are set to the same moment.
	// These instances send no email: a booking with a phone only is booked at once.
	const booked = await bookCall(citizenApi, { email: undefined });
	for (const server of servers) await setClock(server, at('08:59:00'));
	expect(new URL(booked.videoUrl).origin).toBe(base(1));

	const sides = await openSides(browser, [{ baseURL: base(1) }, { baseURL: base(0) }]);
	const [citizen, staffPage] = sides.pages as [Page, Page];
	await signInAsStaff(staffPage);

	await citizen.goto(booked.videoUrl);
	await citizen.getByRole('button', { name: 'Entrar a la videollamada' }).click();
	await staffPage.goto(`/staff/sala/${booked.reference}`);
	await expect(staffPage.locator('#call-presence')).toHaveText(
		'El ciudadano está en la sala de espera.'
	);
	await staffPage.getByRole('button', { name: 'Entrar a la videollamada' }).click();
	await expectMediaFlowing(citizen);
	await expectMediaFlowing(staffPage);

	await staffPage.goto(`/staff/agenda?fecha=${DAY}`);
	const card = staffPage.getByRole('article').filter({ hasText: booked.reference });
	await expect(card).toContainText('Atendida');
	await expect(card).toContainText('Ciudadano o ciudadana: entró a las 8:59 a. m.');
	await expect(card).toContainText('Persona que le atiende: entró a las 8:59 a. m.');
	await sides.close();
	await citizenApi.dispose();
});

test('an instance stopped with SIGTERM closes its LISTEN connection and exits at once', async () => {
	const sql = postgres(POSTGRES_URL!, { max: 1, onnotice: () => {} });
	const listening = async () => {
		const [row] = await sql<{ count: number }[]>`
			select count(*)::int as count from pg_stat_activity
			where application_name like 'ventanilla-calls-%'`;
		return row!.count;
	};
	try {
		// Both instances listen once a request of theirs waited for a call's news.
		await expect.poll(listening).toBe(2);
		const stopping = Date.now();
		servers[0]!.process.kill('SIGTERM');
		expect(await servers[0]!.exited).toBe(0);
		// An open LISTEN connection would keep the process alive until the 10 s exit timer.
		expect(Date.now() - stopping).toBeLessThan(8000);
		expect(servers[0]!.logs.some((line) => line.includes('"msg":"stopped"'))).toBe(true);
		expect(await listening()).toBe(1);
	} finally {
		await sql.end();
	}
});
