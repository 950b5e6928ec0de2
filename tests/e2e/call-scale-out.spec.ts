// The citizen and the official reach different app instances on one PostgreSQL: the signalling
// lives in the database (with NOTIFY to wake the other instance), so the call connects all the same.
import { request as playwrightRequest, type Page } from '@playwright/test';
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
				port: FIRST + i,
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
	const booked = await bookCall(citizenApi);
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
