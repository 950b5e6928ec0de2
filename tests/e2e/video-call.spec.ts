// A citizen and an official in the call room, and the links that lead there.
import type { Page } from '@playwright/test';
import { axeViolations, expect, mailbox, signInAsStaff, setClock, test } from './fixtures';
import {
	at,
	bookCall,
	DAY,
	expectMediaFlowing,
	MEDIA_LAUNCH,
	recordFigure,
	openSides
} from './call-support';

test.use({ launchOptions: MEDIA_LAUNCH });
test.describe.configure({ timeout: 90_000 });

test('a citizen and an official see and hear each other, and the agenda records it as attended', async ({
	browser,
	request
}) => {
	const { reference, videoUrl } = await bookCall(request);
	expect(new URL(videoUrl).pathname).toBe(`/es/citas/sala/${reference}`);
	await setClock(request, at('08:58:00'));

	const sides = await openSides(browser, [{}, {}]);
	const [citizen, official] = sides.pages as [Page, Page];

	await citizen.goto(videoUrl);
	await expect(citizen.getByRole('heading', { level: 1 })).toHaveText('Su videollamada');
	await citizen.getByRole('button', { name: 'Entrar a la videollamada' }).click();
	await expect(
		citizen.getByText(
			'Está en la sala de espera. La persona que le atiende entra a las 9:00 a. m. y le espera hasta las 9:05 a. m.'
		)
	).toBeVisible();

	await signInAsStaff(official);
	await official.goto(`/staff/sala/${reference}`);
	await expect(official.locator('#call-presence')).toHaveText(
		'El ciudadano está en la sala de espera.'
	);
	const pressed = Date.now();
	await official.getByRole('button', { name: 'Entrar a la videollamada' }).click();
	await official.waitForFunction(
		() =>
			(document.querySelector('#call-videos figure.remote video') as HTMLVideoElement | null)
				?.videoWidth,
		null,
		{ polling: 'raf', timeout: 30_000 }
	);
	recordFigure('enterToFirstRemoteFrameMs', Date.now() - pressed);

	await expectMediaFlowing(citizen);
	await expectMediaFlowing(official);
	await expect(citizen.getByRole('status')).toContainText(
		'Persona que le atiende entró a la llamada.'
	);

	const agenda = await official.context().newPage();
	await agenda.goto(`/staff/agenda?fecha=${DAY}`);
	const card = agenda.getByRole('article').filter({ hasText: reference });
	await expect(card).toContainText('Atendida');
	await expect(card).toContainText('Ciudadano o ciudadana: entró a las 8:58 a. m.');
	await expect(card).toContainText('Persona que le atiende: entró a las 8:58 a. m.');
	expect(await axeViolations(citizen)).toEqual([]);
	expect(await axeViolations(official)).toEqual([]);
	await sides.close();
});

test('the emails, the calendar file and the confirmation page lead to the room and the camera check', async ({
	page,
	request
}) => {
	const { reference, manageToken, videoUrl } = await bookCall(request);
	// Booked the day before: the worker sends the reminder at once.
	// The email that asks to confirm the booking, and the reminder once it is confirmed.
	const held = await mailbox.waitFor('ana@example.com', /^Confirme su cita/);
	const reminder = await mailbox.waitFor('ana@example.com', /Recordatorio/);
	for (const email of [held, reminder]) {
		expect(email.text).toContain(videoUrl);
		expect(email.text).toContain('/es/citas/probar');
	}
	const ics = await request.get(
		`/api/v1/appointments/${reference}/calendar.ics?token=${manageToken}`
	);
	expect((await ics.text()).replace(/\r\n[ \t]/g, '')).toContain(`URL:${videoUrl}`);

	await page.goto(`/es/citas/cita/${reference}?token=${manageToken}`);
	await page.getByRole('link', { name: 'Probar su cámara y micrófono' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Probar cámara y micrófono');
	await page.goBack();
	await page.getByRole('link', { name: 'Abrir la sala de su videollamada' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Su videollamada');
	expect(page.url()).toBe(videoUrl);
	await expect(page.getByText('La sala abre a las 8:55 a. m.')).toBeVisible();
});

test('a wrong key does not open the room', async ({ page, request }) => {
	const { reference } = await bookCall(request);
	await page.goto(`/es/citas/sala/${reference}?llave=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA`);
	await expect(page).toHaveURL(new RegExp(`/es/citas/gestionar\\?ref=${reference}$`));
});

test('the call room loads only our own page scripts, not the framework runtime', async ({
	page,
	request
}) => {
	const { videoUrl } = await bookCall(request);
	const scripts: string[] = [];
	page.on('request', (sent) => {
		if (sent.resourceType() === 'script') scripts.push(new URL(sent.url()).pathname);
	});
	await page.goto(videoUrl, { waitUntil: 'load' });
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Su videollamada');
	expect(scripts.filter((path) => !/^\/_app\/immutable\/workers\/[\w-]+\.js$/.test(path))).toEqual(
		[]
	);
	expect(scripts.filter((path) => /\/call-room-[\w-]+\.js$/.test(path))).toHaveLength(1);
	expect(await page.locator('script:not([src])').count()).toBe(0);
	expect(await page.locator('link[rel="modulepreload"]').count()).toBe(0);
});
