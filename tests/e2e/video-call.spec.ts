import { axeViolations, expect, signInAsStaff, setClock, test } from './fixtures';
import { at, bookCall, DAY, expectMediaFlowing, MEDIA_LAUNCH, watchPeers } from './call-support';

test.use({ launchOptions: MEDIA_LAUNCH });
test.describe.configure({ timeout: 90_000 });

test('a citizen and an official see and hear each other, and the agenda records it as attended', async ({
	browser,
	request
}) => {
	const { reference, videoUrl } = await bookCall(request);
	expect(new URL(videoUrl).pathname).toBe(`/es/citas/sala/${reference}`);
	await setClock(request, at('08:58:00'));

	const citizenContext = await browser.newContext();
	const officialContext = await browser.newContext();
	await watchPeers(citizenContext);
	await watchPeers(officialContext);
	const citizen = await citizenContext.newPage();
	const official = await officialContext.newPage();

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
	await official.getByRole('button', { name: 'Entrar a la videollamada' }).click();

	await expectMediaFlowing(citizen);
	await expectMediaFlowing(official);
	await expect(citizen.getByRole('status')).toContainText(
		'Persona que le atiende entró a la llamada.'
	);

	const agenda = await officialContext.newPage();
	await agenda.goto(`/staff/agenda?fecha=${DAY}`);
	const card = agenda.getByRole('article').filter({ hasText: reference });
	await expect(card).toContainText('Atendida');
	await expect(card).toContainText('Ciudadano o ciudadana: entró a las 8:58 a. m.');
	await expect(card).toContainText('Persona que le atiende: entró a las 8:58 a. m.');
	expect(await axeViolations(citizen)).toEqual([]);
	expect(await axeViolations(official)).toEqual([]);
	await citizenContext.close();
	await officialContext.close();
});
