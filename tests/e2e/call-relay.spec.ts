// A call through a TURN server only (iceTransportPolicy "relay"), as for citizens behind a mobile
// carrier's NAT: the coturn the test starts proves the time-limited credentials work; killing it
// and starting it again is the dropped connection that must rejoin the same room.
import { request as playwrightRequest, type Page } from '@playwright/test';
import { startTurn, turnserverInstalled, type Turn } from '../support/coturn';
import { startServer, type AppServer } from '../support/servers';
import { expect, setClock, signInAsStaff, test } from './fixtures';
import {
	at,
	bookCall,
	bothInCall,
	expectMediaFlowing,
	inbound,
	MEDIA_LAUNCH,
	recordFigure,
	openSides
} from './call-support';

const PORT = Number(process.env.E2E_PORT ?? 4173) + 22;

test.use({ launchOptions: MEDIA_LAUNCH });
test.describe.configure({ timeout: 180_000 });
test.skip(
	!turnserverInstalled(),
	'turnserver (Debian coturn) is not installed: apt-get install coturn'
);

let turn: Turn;
let server: AppServer;
// Closed after the test even when it fails: open calls would keep the server from stopping.
let sides: Awaited<ReturnType<typeof openSides>> | undefined;
const base = `http://localhost:${PORT}`;

test.beforeAll(async () => {
	test.setTimeout(120_000);
	turn = await startTurn();
	server = await startServer({
		// startServer moves the port it is given by E2E_PORT − 4173: this is PORT.
		port: 4173 + 22,
		env: {
			ORIGIN: base,
			ICE_SERVERS: `turn:127.0.0.1:${turn.port}?transport=udp`,
			TURN_SECRET: turn.secret,
			ICE_TRANSPORT_POLICY: 'relay'
		}
	});
});

test.afterAll(async () => {
	await sides?.close();
	await server?.stop();
	await turn?.kill();
});

test('a call relayed through TURN only rejoins the same room after the connection drops', async ({
	browser
}) => {
	const api = await playwrightRequest.newContext({ baseURL: base });
	// This instance sends no email: a booking with a phone only is booked at once.
	const booked = await bookCall(api, { email: undefined });
	await setClock(api, at('09:00:00'));
	sides = await openSides(browser, [{ baseURL: base }, { baseURL: base }]);
	const [citizen, official] = sides.pages as [Page, Page];
	await signInAsStaff(official);
	await bothInCall(citizen, official, booked);
	for (const side of [citizen, official]) {
		const stats = await inbound(side);
		expect(stats.policies).toEqual(['relay']);
		expect(stats.relay).toBe(true);
	}

	// The network drops: the relay disappears with every allocation on it.
	await turn.kill();
	for (const side of [citizen, official]) {
		await expect(side.getByRole('status')).toHaveText('Reconectando…', { timeout: 30_000 });
	}
	// The network is back when the relay answers again (its own start-up is not the app's time).
	await turn.restart();
	const back = Date.now();
	for (const side of [citizen, official]) {
		await expect(side.getByRole('status')).toHaveText('Conexión recuperada.', {
			timeout: 10_000 - (Date.now() - back)
		});
	}
	recordFigure('rejoinAfterDropMs', Date.now() - back);
	await expectMediaFlowing(citizen);
	await expectMediaFlowing(official);
	// The same room: nobody left or joined again, the pages never reloaded.
	await expect(official.locator('#call-join-log li')).toHaveCount(2);
	await expect(official.locator('#call-join-log')).not.toContainText('salió');
	expect(citizen.url()).toBe(booked.videoUrl);
	await sides.close();
	sides = undefined;
	await api.dispose();
});
