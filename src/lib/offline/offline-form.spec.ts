import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { drafts, type Draft } from './drafts';
import { draftAddress, draftFormAt, followDraft, formBody, keepSubmission } from './offline-form';

const PETITION = { type: 'peticion', subject: 'Subsidio de gas', description: 'Quiero saber.' };

/** A radicados endpoint that files once per key; `lose` drops that many answers after filing. */
function server(lose = 0) {
	const filed = new Map<string, string>();
	const fetcher = vi.fn(async (_url: string, init: RequestInit) => {
		const key = (init.headers as Record<string, string>)['idempotency-key']!;
		if (!filed.has(key)) filed.set(key, `1-2026-${String(filed.size + 1).padStart(6, '0')}`);
		if (lose > 0) {
			lose -= 1;
			throw new TypeError('Failed to fetch');
		}
		return Response.json({ number: filed.get(key), securityCode: 'K7M2Q9XA' }, { status: 201 });
	});
	return { fetcher, filed };
}

/** Follows a draft, letting the (fake) clock run until it settles. */
async function settledWith(key: string): Promise<Draft | undefined> {
	let done = false;
	const settled = new Promise<Draft | undefined>((resolve) =>
		followDraft(key, (draft) => {
			done = true;
			resolve(draft);
		})
	);
	for (let i = 0; i < 200 && !done; i += 1) await vi.advanceTimersByTimeAsync(250);
	return settled;
}

beforeEach(() => {
	globalThis.indexedDB = new IDBFactory();
	vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
	vi.stubGlobal('navigator', { onLine: true });
	vi.stubGlobal('addEventListener', vi.fn());
	vi.stubGlobal('removeEventListener', vi.fn());
});

afterEach(() => {
	vi.useRealTimers();
	vi.unstubAllGlobals();
});

describe('offline form', () => {
	it('knows which addresses hold a form that keeps drafts', () => {
		expect(draftFormAt('/es/pqrsd')).toEqual({ kind: 'pqrsd', lang: 'es' });
		expect(draftFormAt('/guc/te-llamamos')).toEqual({ kind: 'callback', lang: 'guc' });
		expect(draftFormAt('/es/pqrsd/comprobante')).toBeUndefined();
		expect(draftFormAt('/en/pqrsd')).toBeUndefined();
		expect(draftFormAt('/es/citas')).toBeUndefined();
	});

	it('keeps a lost submission with the form key, unless files were left out', async () => {
		const data = new FormData();
		data.set('subject', 'Subsidio');
		data.set('idempotencyKey', 'form-key-0001');
		const { draft, filesLeftOut } = await keepSubmission('pqrsd', 'guc', data);
		expect(draft).toMatchObject({ key: 'form-key-0001', lang: 'guc', state: 'pending' });
		expect(draft.body).toEqual({ subject: 'Subsidio' });
		expect(filesLeftOut).toBe(0);
		expect(draftAddress(draft)).toBe('/guc/pqrsd?borrador=form-key-0001');

		data.append('attachments', new File(['%PDF'], 'a.pdf'));
		const withFiles = await keepSubmission('pqrsd', 'es', data);
		expect(withFiles.draft.key).not.toBe('form-key-0001');
		expect(withFiles.filesLeftOut).toBe(1);
		expect(draftAddress(withFiles.draft, 1)).toBe(
			`/es/pqrsd?borrador=${withFiles.draft.key}&archivos=1`
		);
	});

	it('takes the API fields from the form, folding look-alike glottal stops', () => {
		const data = new FormData();
		data.set('subject', 'Wayuu’iki');
		data.set('idempotencyKey', 'not-a-field');
		data.append('attachments', new File(['x'], 'a.pdf'));
		expect(formBody(data, ['subject', 'consent', 'attachments'])).toEqual({ subject: "Wayuu'iki" });
	});

	it('sends a draft again after a lost answer and files it once', async () => {
		const { fetcher, filed } = server(1);
		vi.stubGlobal('fetch', fetcher);
		const draft = await drafts.save('pqrsd', PETITION, 'es');
		const sent = await settledWith(draft.key);
		expect(sent?.state).toBe('sent');
		expect(sent?.answer).toEqual({ number: '1-2026-000001', securityCode: 'K7M2Q9XA' });
		expect(fetcher).toHaveBeenCalledTimes(2);
		expect(filed.size).toBe(1);
	});

	it('waits while offline and sends nothing', async () => {
		const { fetcher } = server();
		vi.stubGlobal('fetch', fetcher);
		vi.stubGlobal('navigator', { onLine: false });
		const draft = await drafts.save('pqrsd', PETITION, 'es');
		const stop = followDraft(draft.key, () => undefined);
		await vi.advanceTimersByTimeAsync(10_000);
		stop();
		expect(fetcher).not.toHaveBeenCalled();
		expect((await drafts.get(draft.key))?.state).toBe('pending');
	});

	it('hands back a draft the server refused, with its text', async () => {
		vi.stubGlobal(
			'fetch',
			vi.fn(async () =>
				Response.json(
					{ code: 'VALIDATION_FAILED', errors: [{ path: 'subject', message: 'Falta el asunto.' }] },
					{ status: 422 }
				)
			)
		);
		const draft = await drafts.save('pqrsd', PETITION, 'es');
		const refused = await settledWith(draft.key);
		expect(refused?.state).toBe('rejected');
		expect(refused?.body).toEqual(PETITION);
	});
});
