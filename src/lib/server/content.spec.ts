import { describe, expect, it } from 'vitest';
import { bookableServices, services } from '$lib/content/services';
import { translator } from '$lib/i18n/translator';
import { channelsView, charterView, serviceView, servicesView } from './content';

const slugs = (q: string, segment?: 'hogares' | 'vehiculos' | 'empresas' | 'comunidades') =>
	servicesView('es', { q, segment }).services.map((service) => service.slug);

describe('servicesView', () => {
	it('lists every service without a query', () => {
		expect(servicesView('es').count).toBe(services.length);
		expect(services.length).toBeGreaterThanOrEqual(8);
	});

	it('finds a service whatever the case and accents', () => {
		expect(slugs('SUBSIDIO GÁS')[0]).toBe('subsidio-de-gas-en-cilindro');
		expect(slugs('peticion')).toContain('estado-de-una-peticion');
	});

	it('finds a service written with ü or without it', () => {
		expect(slugs('wayúu')).toContain('atencion-en-wayuunaiki');
		expect(slugs('lingüe')).toEqual(slugs('lingue'));
	});

	it('ignores apostrophe look-alikes', () => {
		expect(slugs('wayuu’naiki')).toEqual(slugs("wayuu'naiki"));
		expect(slugs('wayuu’naiki')).toContain('atencion-en-wayuunaiki');
	});

	it('filters by segment', () => {
		const found = servicesView('es', { segment: 'vehiculos' }).services;
		expect(found.map((service) => service.slug)).toEqual([
			'correccion-de-datos-de-conversion-a-gas',
			'estado-de-una-peticion',
			'informacion-general'
		]);
	});

	it('finds nothing for words no service has', () => {
		expect(servicesView('es', { q: 'zzzz' }).count).toBe(0);
	});

	it('falls back to Spanish on a Wayuunaiki page, marked as missing', () => {
		const [first] = servicesView('guc').services;
		expect(first).toMatchObject({
			lang: 'es',
			review: 'missing',
			url: expect.stringMatching(/^\/guc\//)
		});
	});
});

describe('serviceView', () => {
	it('offers an appointment for a bookable service', async () => {
		const service = serviceView('es', 'subsidio-de-gas-en-cilindro', await translator('es'));
		expect(service?.booking).toBe('/es/citas?tema=subsidio-de-gas-en-cilindro');
		expect(service?.responseTime.text).toBe('Hasta 15 días hábiles.');
	});

	it('is undefined for an unknown slug', async () => {
		expect(serviceView('es', 'no-existe', await translator('es'))).toBeUndefined();
	});
});

describe('bookableServices', () => {
	it('lists the slug and name of every bookable service', () => {
		expect(bookableServices()).toContainEqual({
			slug: 'subsidio-de-gas-en-cilindro',
			name: 'Subsidio al gas en cilindro'
		});
		expect(bookableServices().map((service) => service.slug)).not.toContain('copia-de-documentos');
	});
});

describe('channelsView', () => {
	it('says the office is open on a business morning and closed on a holiday', async () => {
		const i18n = await translator('es');
		const open = channelsView('es', new Date('2026-11-24T10:00:00-05:00'), i18n);
		const holiday = channelsView('es', new Date('2026-11-16T10:00:00-05:00'), i18n);
		const inPerson = (view: typeof open) => view.channels.find((c) => c.id === 'presencial');
		expect(inPerson(open)?.openNow).toBe(true);
		expect(inPerson(holiday)?.openNow).toBe(false);
		expect(open.now).toBe('2026-11-24T10:00:00-05:00');
	});

	it('gives phone numbers as tel: links, including the toll-free line', async () => {
		const view = channelsView('es', new Date(), await translator('es'));
		const phones = view.channels.find((c) => c.id === 'telefono')?.phones ?? [];
		expect(phones.map((phone) => phone.href)).toEqual(['tel:+576012200300', 'tel:018000910180']);
	});
});

describe('charterView', () => {
	it('has the four sections with stable ids', async () => {
		const view = charterView('es', await translator('es'), { today: '2026-11-24' });
		expect(view.sections.map((section) => section.id)).toEqual([
			'derechos',
			'deberes',
			'deberes-de-la-entidad',
			'canales'
		]);
	});
});
