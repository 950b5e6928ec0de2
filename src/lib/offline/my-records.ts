import type { Locale } from '../i18n/locales';
import { withStore } from './device-store';

/** "Mis trámites": what the person booked, filed or looked up from this device. */
export interface DeviceRecord {
	/** `radicado:1-2026-000123`: looking up the same radicado again updates it. */
	id: string;
	kind: 'appointment' | 'radicado';
	reference: string;
	lang: Locale;
	savedAt: string;
	/** Short facts to show offline (date, type, state…), already in words. */
	summary: Record<string, string>;
	/** Only when the person chose to keep it on this device. */
	securityCode?: string;
}

export interface KeepChoice {
	/** The person agreed to keep this on the device. Without it nothing is stored. */
	consent: boolean;
	/** The person also chose to keep the radicado's security code. */
	keepCode?: boolean;
}

export const myRecords = {
	/** Keeps a record only with consent, and its security code only when the person asked. */
	async keep(
		record: Omit<DeviceRecord, 'id' | 'savedAt'>,
		choice: KeepChoice
	): Promise<DeviceRecord | null> {
		if (!choice.consent) return null;
		const { securityCode, ...rest } = record;
		const kept: DeviceRecord = {
			...rest,
			id: `${record.kind}:${record.reference}`,
			savedAt: new Date().toISOString(),
			...(choice.keepCode && securityCode ? { securityCode } : {})
		};
		await withStore('records', 'readwrite', (store) => store.put(kept));
		return kept;
	},

	/** Every record on this device, newest first. */
	async list(): Promise<DeviceRecord[]> {
		const all = await withStore(
			'records',
			'readonly',
			(store) => store.getAll() as IDBRequest<DeviceRecord[]>
		);
		return all.sort((a, b) => b.savedAt.localeCompare(a.savedAt));
	},

	remove(id: string): Promise<undefined> {
		return withStore('records', 'readwrite', (store) => store.delete(id));
	},

	/** The one button: forgets every record kept on this device. */
	clear(): Promise<undefined> {
		return withStore('records', 'readwrite', (store) => store.clear());
	}
};
