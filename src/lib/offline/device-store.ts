// The IndexedDB database kept on the citizen's device: drafts waiting to be sent, and "Mis trámites".
// Opened per operation and closed after, so the page and the service worker never hold it open.

const NAME = 'ventanilla';
const VERSION = 1;
export type StoreName = 'drafts' | 'records';

function settle<T>(request: IDBRequest<T>): Promise<T> {
	return new Promise((resolve, reject) => {
		request.onsuccess = () => resolve(request.result);
		request.onerror = () => reject(request.error);
	});
}

function open(): Promise<IDBDatabase> {
	const request = indexedDB.open(NAME, VERSION);
	request.onupgradeneeded = () => {
		const db = request.result;
		if (!db.objectStoreNames.contains('drafts')) db.createObjectStore('drafts', { keyPath: 'key' });
		if (!db.objectStoreNames.contains('records'))
			db.createObjectStore('records', { keyPath: 'id' });
	};
	return settle(request);
}

/** Runs one request on one store and waits until its transaction has committed. */
export async function withStore<T>(
	store: StoreName,
	mode: IDBTransactionMode,
	work: (objects: IDBObjectStore) => IDBRequest<T>
): Promise<T> {
	const db = await open();
	try {
		const transaction = db.transaction(store, mode);
		const result = settle(work(transaction.objectStore(store)));
		await new Promise<void>((resolve, reject) => {
			transaction.oncomplete = () => resolve();
			transaction.onerror = () => reject(transaction.error);
			transaction.onabort = () => reject(transaction.error);
		});
		return await result;
	} finally {
		db.close();
	}
}

/** Whether this device has the database at all, so pages that only look do not create it. */
export async function deviceStoreExists(): Promise<boolean> {
	if (typeof indexedDB.databases !== 'function') return true;
	return (await indexedDB.databases()).some((db) => db.name === NAME);
}

/**
 * Writes `value` only if a record with its key is still there, in one transaction: a send that
 * finishes after another page (or "Borrar todo") removed the draft must not bring it back.
 */
export async function replaceIfPresent(
	store: StoreName,
	key: IDBValidKey,
	value: unknown
): Promise<boolean> {
	const db = await open();
	try {
		const transaction = db.transaction(store, 'readwrite');
		const objects = transaction.objectStore(store);
		let present = false;
		const lookup = objects.getKey(key);
		lookup.onsuccess = () => {
			present = lookup.result !== undefined;
			if (present) objects.put(value);
		};
		await new Promise<void>((resolve, reject) => {
			transaction.oncomplete = () => resolve();
			transaction.onerror = () => reject(transaction.error);
			transaction.onabort = () => reject(transaction.error);
		});
		return present;
	} finally {
		db.close();
	}
}
