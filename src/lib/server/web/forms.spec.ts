import { afterEach, describe, expect, it } from 'vitest';
import { instantAt } from '$lib/domain/calendar';
import { translator } from '$lib/i18n/translator';
import { actions as callbackPage } from '../../../routes/[lang=locale]/te-llamamos/+page.server';
import { actions as petitionPage } from '../../../routes/[lang=locale]/pqrsd/+page.server';
import { clock } from '../clock';
import { callbacks as callbackTable, radicados as radicadoTable } from '../db/schema';
import { DomainError } from '../errors';
import { useTestDatabase } from '../testing/database';
import { callbackForm } from '../testing/factories';
import { failWith } from './forms';
import { requestEvent } from './request-event';

const db = useTestDatabase();
const { t } = await translator('es');

afterEach(() => clock.set(undefined));

/** Posts a form to a page action as the browser would, and answers what the action returned. */
async function post(
	action: ((event: never) => unknown) | undefined,
	path: string,
	fields: Record<string, string>
): Promise<{ status?: number; data?: Record<string, unknown> } & Record<string, unknown>> {
	const body = new FormData();
	for (const [name, value] of Object.entries(fields)) body.set(name, value);
	const event = requestEvent(path, { method: 'POST', body, params: { lang: 'es' } });
	return (await action!(event as never)) as never;
}

const callback = callbackForm({ language: 'es' }) as Record<string, string>;

const petition = {
	type: 'peticion',
	subject: 'Subsidio de gas',
	description: 'Pido revisar el subsidio de gas de mi vivienda.',
	identity: 'identified',
	name: 'Ana Pérez',
	contactPreference: 'online',
	consent: 'yes'
};

describe('a one-time key a page cannot use', () => {
	it('answers the call-back form with its error, not a server error, and offers a new key', async () => {
		clock.set(instantAt('2026-11-24', '09:00'));
		const answer = await post(callbackPage.default, '/es/te-llamamos', {
			...callback,
			idempotencyKey: 'no'
		});
		expect(answer.status).toBe(400);
		expect(answer.data?.errors).toEqual({ form: t('forms:errors.unreadable') });
		const values = answer.data?.values as Record<string, string>;
		expect(values.name).toBe('Ana Epieyú');
		expect(values.idempotencyKey).toMatch(/^[\w-]{36}$/);
		expect(await db().select().from(callbackTable)).toHaveLength(0);
	});

	it('answers the petition form with its error, not a server error', async () => {
		const answer = await post(petitionPage.default, '/es/pqrsd', {
			...petition,
			idempotencyKey: 'clave mal escrita'
		});
		expect(answer.status).toBe(400);
		expect(answer.data?.errors).toEqual({ form: t('forms:errors.unreadable') });
		expect(await db().select().from(radicadoTable)).toHaveLength(0);
	});

	it('says a form sent again with other data was already received', async () => {
		clock.set(instantAt('2026-11-24', '09:00'));
		const key = 'form-key-reused-01';
		const first = await post(callbackPage.default, '/es/te-llamamos', {
			...callback,
			idempotencyKey: key
		});
		expect(first).toHaveProperty('receipt');
		const again = await post(callbackPage.default, '/es/te-llamamos', {
			...callback,
			name: 'Otra Persona',
			idempotencyKey: key
		});
		expect(again.status).toBe(422);
		expect(again.data?.errors).toEqual({ form: t('forms:errors.alreadySent') });
		expect((again.data?.values as Record<string, string>).idempotencyKey).not.toBe(key);
		expect(await db().select().from(callbackTable)).toHaveLength(1);
	});
});

describe('failWith', () => {
	it('puts a refusal on the control the table names', () => {
		const refused = new DomainError('EXTENSION_INVALID', {
			fields: [{ path: 'newDueDate', message: 'too_late' }]
		});
		const answer = failWith(refused, t, { field: 'kind' });
		expect(answer.status).toBe(422);
		expect(answer.data.errors).toEqual({ newDueDate: t('desk:errors.extension.too_late') });
	});

	it('puts any other refusal on the given control, with its detail text', () => {
		const answer = failWith(new DomainError('CALLBACK_CLOSED'), t, { field: 'call-1' });
		expect(answer.status).toBe(409);
		expect(answer.data.errors).toEqual({ 'call-1': t('staff:problems.CALLBACK_CLOSED.detail') });
	});

	it('rethrows what is not a refusal', () => {
		const broken = new Error('database gone');
		expect(() => failWith(broken, t, { field: 'form' })).toThrow(broken);
	});
});
