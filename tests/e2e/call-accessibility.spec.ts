// The camera check, the waiting room and the call by keyboard alone, with axe, in both languages;
// the controls' state announced; the chat; audio only; the interpreter as a third participant.
import type { Page } from '@playwright/test';
import {
	axeViolations,
	expect,
	LOCALES,
	mailbox,
	setClock,
	signInAsStaff,
	tabTo,
	test
} from './fixtures';
import {
	at,
	bookCall,
	bothInCall,
	expectMediaFlowing,
	MEDIA_LAUNCH,
	openSides
} from './call-support';

test.use({ launchOptions: MEDIA_LAUNCH });
test.describe.configure({ timeout: 120_000 });

test('the camera and microphone check works by keyboard and ends with «Todo listo»', async ({
	page
}) => {
	await page.goto('/es/citas/probar');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Probar cámara y micrófono');
	await expect(
		page.getByText(
			'Al empezar, su navegador le pregunta si esta página puede usar la cámara y el micrófono.'
		)
	).toBeVisible();
	expect(await axeViolations(page)).toEqual([]);

	await tabTo(page, page.getByRole('button', { name: 'Empezar la prueba' }));
	await page.keyboard.press('Enter');
	await expect(page.getByRole('status')).toHaveText('La cámara funciona.');
	const preview = page.locator('#check-preview');
	await expect
		.poll(() => preview.evaluate((v: HTMLVideoElement) => v.videoWidth))
		.toBeGreaterThan(0);
	await expect(page.locator('#check-level-words').getByText('Le oímos bien')).toBeVisible();
	// Chromium's fake microphone beeps once a second: sample the meter often enough to catch one.
	await expect
		.poll(() => page.locator('#check-meter').evaluate((m: HTMLMeterElement) => m.value), {
			intervals: [50],
			timeout: 20_000
		})
		.toBeGreaterThan(0);

	await tabTo(page, page.getByRole('button', { name: 'Escucharme' }));
	await page.keyboard.press('Enter');
	await expect(page.getByRole('status')).toHaveText('Hable ahora…');
	await expect(page.getByRole('status')).toHaveText('Escuche su voz.', { timeout: 10_000 });

	await tabTo(page, page.getByRole('button', { name: 'Reproducir un sonido' }));
	await page.keyboard.press('Enter');
	await expect(page.getByRole('status')).toHaveText('¿Oyó el sonido?');
	await tabTo(page, page.getByRole('button', { name: 'Sí, lo oí' }));
	await page.keyboard.press('Enter');
	await expect(page.getByRole('status')).toHaveText(
		'Todo listo. Su equipo funciona para la videollamada.'
	);
	expect(await axeViolations(page)).toEqual([]);
});

test('the camera check says what to fix when the person did not hear the sound', async ({
	page
}) => {
	await page.goto('/es/citas/probar');
	await page.getByRole('button', { name: 'Empezar la prueba' }).click();
	await page.getByRole('button', { name: 'Reproducir un sonido' }).click();
	await page.getByRole('button', { name: 'No lo oí' }).click();
	await expect(page.getByRole('status')).toContainText('Revise esto antes de la llamada:');
	await expect(page.getByRole('status')).toHaveText(
		'Revise esto antes de la llamada: No oyó el sonido. Suba el volumen o conecte audífonos.'
	);
	await expect(page.getByRole('listitem').filter({ hasText: 'No oyó el sonido.' })).toBeVisible();
});

for (const lang of LOCALES) {
	test(`the waiting room and the call work by keyboard and pass axe (${lang})`, async ({
		browser,
		request
	}) => {
		const booked = await bookCall(request);
		await setClock(request, at('08:57:00'));
		const sides = await openSides(browser, [{}, {}]);
		const [citizen, official] = sides.pages as [Page, Page];
		const link = new URL(booked.videoUrl);
		await citizen.goto(link.pathname.replace('/es/', `/${lang}/`) + link.search);
		expect(await axeViolations(citizen)).toEqual([]);

		await tabTo(citizen, citizen.getByRole('button', { name: 'Entrar a la videollamada' }));
		await citizen.keyboard.press('Enter');
		await expect(citizen.locator('#call-live-title')).toBeFocused();
		await expect(citizen.locator('#call-waiting')).toBeVisible();
		expect(await axeViolations(citizen)).toEqual([]);

		await signInAsStaff(official);
		await official.goto(`/staff/sala/${booked.reference}`);
		expect(await axeViolations(official)).toEqual([]);
		await tabTo(official, official.getByRole('button', { name: 'Entrar a la videollamada' }));
		await official.keyboard.press('Enter');
		await expectMediaFlowing(citizen);
		await expectMediaFlowing(official);
		await expect(citizen.locator('#call-waiting')).toBeHidden();

		const mic = citizen.getByRole('button', { name: 'Apagar micrófono' });
		await tabTo(citizen, mic);
		await citizen.keyboard.press('Enter');
		await expect(mic).toHaveAttribute('aria-pressed', 'true');
		await expect(citizen.getByRole('status')).toHaveText('Micrófono apagado.');

		await tabTo(citizen, citizen.getByLabel('Su mensaje'));
		await citizen.keyboard.type('Mi radicado es 1-2030-000123');
		await citizen.keyboard.press('Enter');
		await expect(official.getByRole('log')).toContainText(
			'Ciudadano o ciudadana: Mi radicado es 1-2030-000123'
		);
		await expect(citizen.getByRole('log')).toContainText('Usted: Mi radicado es 1-2030-000123');

		const audioOnly = official.getByRole('button', { name: 'Solo audio' });
		await tabTo(official, audioOnly);
		await official.keyboard.press('Enter');
		await expect(audioOnly).toHaveAttribute('aria-pressed', 'true');
		await expect(citizen.getByRole('status')).toHaveText('La llamada sigue solo con audio.');
		await expect(citizen.getByRole('button', { name: 'Solo audio' })).toHaveAttribute(
			'aria-pressed',
			'true'
		);
		// Neither side sends its camera any more; the sound goes on.
		for (const side of [citizen, official]) {
			await expect
				.poll(() =>
					side.evaluate(() =>
						(window as unknown as { __peers: RTCPeerConnection[] }).__peers
							.filter((p) => p.connectionState === 'connected')
							.flatMap((p) => p.getSenders())
							.map((s) => `${s.track?.kind ?? 'none'}`)
							.sort()
							.join(',')
					)
				)
				.toBe('audio,none');
		}
		expect(await axeViolations(citizen)).toEqual([]);
		expect(await axeViolations(official)).toEqual([]);
		await sides.close();
	});
}

test('the official sends an interpreter a link, and the interpreter joins as a third participant', async ({
	browser,
	request
}) => {
	const booked = await bookCall(request, { callLanguage: 'guc' });
	await setClock(request, at('09:00:00'));
	const sides = await openSides(browser, [{}, {}, {}]);
	const [citizen, official, interpreter] = sides.pages as [Page, Page, Page];
	await signInAsStaff(official);
	await bothInCall(citizen, official, booked);

	await official.getByLabel('Correo del intérprete').fill('interprete@example.org');
	await official.getByRole('button', { name: 'Enviar el enlace al intérprete' }).click();
	await expect(official.getByText('Enviamos el enlace a interprete@example.org.')).toBeVisible();
	const email = await mailbox.waitFor('interprete@example.org', /Enlace de intérprete/);
	const url = /https?:\/\/\S+\/es\/citas\/interprete\/[\w-]+/.exec(email.text)![0];
	expect(url).not.toContain(booked.reference);

	// Sending the form reloaded the official's page: they enter again, as from the agenda.
	await official.getByRole('button', { name: 'Entrar a la videollamada' }).click();
	await interpreter.goto(url);
	await expect(interpreter.getByRole('heading', { level: 1 })).toHaveText(
		'Videollamada como intérprete'
	);
	await interpreter.getByRole('button', { name: 'Entrar a la videollamada' }).click();
	await expect(interpreter.locator('#call-videos figure.remote')).toHaveCount(2, {
		timeout: 20_000
	});
	await expectMediaFlowing(interpreter);
	await expect(citizen.locator('#call-videos figure.remote')).toHaveCount(2, { timeout: 20_000 });
	await expect(official.locator('#call-join-log')).toContainText(
		'Intérprete: entró a las 9:00 a. m.'
	);
	expect(await axeViolations(interpreter)).toEqual([]);
	await sides.close();
});
