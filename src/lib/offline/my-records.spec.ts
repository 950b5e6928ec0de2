import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { myRecords } from './my-records';

const LOOKED_UP = {
	kind: 'radicado' as const,
	reference: '1-2026-000123',
	lang: 'es' as const,
	summary: { type: 'Petición', state: 'En trámite' },
	securityCode: 'K7M2Q9XA'
};

beforeEach(() => {
	globalThis.indexedDB = new IDBFactory();
});

describe('my records', () => {
	it('keeps nothing without the person’s consent', async () => {
		expect(await myRecords.keep(LOOKED_UP, { consent: false, keepCode: true })).toBeNull();
		expect(await myRecords.list()).toEqual([]);
	});

	it('never keeps the security code unless the person chooses to', async () => {
		await myRecords.keep(LOOKED_UP, { consent: true });
		const [kept] = await myRecords.list();
		expect(kept).toMatchObject({ id: 'radicado:1-2026-000123', summary: LOOKED_UP.summary });
		expect(kept).not.toHaveProperty('securityCode');
	});

	it('keeps the security code when the person chooses to', async () => {
		await myRecords.keep(LOOKED_UP, { consent: true, keepCode: true });
		expect((await myRecords.list())[0]?.securityCode).toBe('K7M2Q9XA');
	});

	it('updates a radicado looked up twice instead of listing it twice', async () => {
		await myRecords.keep(LOOKED_UP, { consent: true });
		await myRecords.keep({ ...LOOKED_UP, summary: { state: 'Respondida' } }, { consent: true });
		expect(await myRecords.list()).toEqual([
			expect.objectContaining({ summary: { state: 'Respondida' } })
		]);
	});

	it('forgets everything with one button', async () => {
		await myRecords.keep(LOOKED_UP, { consent: true });
		await myRecords.keep(
			{ kind: 'appointment', reference: 'CITA-7Q2M', lang: 'es', summary: {} },
			{ consent: true }
		);
		await myRecords.clear();
		expect(await myRecords.list()).toEqual([]);
	});
});
