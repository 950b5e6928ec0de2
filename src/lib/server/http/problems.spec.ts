import { describe, expect, it } from 'vitest';
import { translator } from '$lib/i18n/translator';
import { DomainError, ERROR_CODES } from '../errors';
import { formError, PROBLEMS, problemKey, problemOf, problemResponse } from './problems';

const { t } = await translator('es');

describe('the problem table', () => {
	it('gives every code a title and a detail in Spanish', () => {
		for (const code of Object.keys(PROBLEMS) as (keyof typeof PROBLEMS)[]) {
			expect(t(`${problemKey(code)}.title`), code).not.toContain('problems');
			expect(t(`${problemKey(code)}.detail`), code).not.toContain('problems');
		}
	});

	it('has a status for every code a service can raise', () => {
		for (const code of ERROR_CODES) expect(PROBLEMS[code].status).toBeGreaterThanOrEqual(400);
	});

	it('answers a refusal as problem+json, with its facts and Retry-After', async () => {
		const refused = new DomainError('LOOKUP_LIMITED', {
			values: { minutes: 2 },
			retryAfter: 90,
			extra: { retryAfter: 90 }
		});
		const response = await problemResponse(problemOf(refused), 'es');
		expect(response.status).toBe(429);
		expect(response.headers.get('retry-after')).toBe('90');
		expect(response.headers.get('content-language')).toBe('es');
		expect(await response.json()).toEqual({
			type: '/api/v1/problems/lookup-limited',
			title: t('radicado:problems.LOOKUP_LIMITED.title'),
			status: 429,
			detail: t('radicado:problems.LOOKUP_LIMITED.detail', { minutes: 2 }),
			code: 'LOOKUP_LIMITED',
			retryAfter: 90
		});
	});

	it("answers the call room's refusals with their status and texts", async () => {
		const early = new DomainError('ROOM_NOT_OPEN', {
			values: { time: '8:55 a. m.' },
			extra: { opensAt: '2030-02-05T08:55:00-05:00' }
		});
		const response = await problemResponse(problemOf(early), 'es');
		expect(response.status).toBe(409);
		expect(await response.json()).toMatchObject({
			code: 'ROOM_NOT_OPEN',
			detail: 'La sala abre a las 8:55 a. m., 5 minutos antes de la cita.',
			opensAt: '2030-02-05T08:55:00-05:00'
		});
		const pass = await problemResponse(problemOf(new DomainError('CALL_PASS_INVALID')), 'es');
		expect(pass.status).toBe(401);
		expect(pass.headers.get('www-authenticate')).toBe('Bearer');
		expect((await problemResponse(problemOf(new DomainError('CALL_ENDED')), 'es')).status).toBe(
			410
		);
	});

	it('asks for a Bearer token when an appointment needs one', async () => {
		const response = await problemResponse(problemOf(new DomainError('UNAUTHORIZED')), 'es');
		expect(response.status).toBe(401);
		expect(response.headers.get('www-authenticate')).toBe('Bearer');
	});
});

describe('formError', () => {
	it('offers the nearest free times of a taken slot on the time control', () => {
		const nearest = ['2030-02-05T09:30:00-05:00'];
		const refused = formError(
			new DomainError('SLOT_UNAVAILABLE', { extra: { nearest } }),
			t,
			'consent'
		);
		expect(refused).toMatchObject({
			status: 409,
			field: 'start',
			message: t('booking:time.taken'),
			nearest
		});
	});

	it('says how many appointments a person may hold, on the document number', () => {
		const refused = formError(
			new DomainError('TOO_MANY_APPOINTMENTS', { values: { max: 2 } }),
			t,
			'consent'
		);
		expect(refused.field).toBe('documentNumber');
		expect(refused.message).toBe(t('booking:problems.TOO_MANY_APPOINTMENTS.detail', { max: 2 }));
		expect(refused.nearest).toBeUndefined();
	});
});
