// "Mis trámites": what this device keeps (drafts waiting for signal, and what the person chose to
// keep), read from IndexedDB, so it works without network. Its strings are the server's, rendered
// into templates.
import { formatSecurityCode } from '../domain/security-code';
import { INTL_LOCALE } from '../i18n/locales';
import { deviceStoreExists } from '../offline/device-store';
import { DRAFTS_EVENT, drafts, type Draft } from '../offline/drafts';
import { myRecords, type DeviceRecord } from '../offline/my-records';
import { say } from './enhance';
import { instantiate } from './fill';

const root = document.querySelector<HTMLElement>('[data-mine]');
if (root) start(root);

function start(root: HTMLElement): void {
	const part = <E extends HTMLElement>(name: string) =>
		root.querySelector<E>(`[data-mine-part="${name}"]`)!;
	const template = (name: string) =>
		document.querySelector<HTMLTemplateElement>(`template[data-mine="${name}"]`)!;
	const status = document.querySelector<HTMLElement>('[data-mine-status]')!;
	const date = new Intl.DateTimeFormat(INTL_LOCALE, {
		dateStyle: 'long',
		timeStyle: 'short',
		timeZone: root.dataset.timeZone
	});
	let written: Draft[] = [];

	part('needs-script').hidden = true;
	part('loading').hidden = false;

	/** The server's answer to a draft sent while no page was open: this list is the only place it shows. */
	function answerOf(draft: Draft): { number?: string; code?: string } {
		const answer = (draft.answer ?? {}) as { number?: unknown; securityCode?: unknown };
		return {
			number: typeof answer.number === 'string' ? answer.number : undefined,
			code:
				typeof answer.securityCode === 'string'
					? formatSecurityCode(answer.securityCode)
					: undefined
		};
	}

	function draftItem(draft: Draft): DocumentFragment {
		const item = instantiate(template('draft'), {
			key: draft.key,
			kind: draft.kind,
			state: draft.state,
			date: date.format(new Date(draft.savedAt)),
			sent: draft.state === 'sent' ? 'yes' : null,
			...answerOf(draft)
		});
		item.querySelector('button')?.addEventListener('click', async () => {
			await drafts.remove(draft.key);
			await load();
			say(status, JSON.parse(status.dataset.removed!));
		});
		return item;
	}

	function recordItem(record: DeviceRecord): DocumentFragment {
		const item = instantiate(template('record'), {
			kind: record.kind,
			reference: record.reference,
			code: record.securityCode,
			date: date.format(new Date(record.savedAt))
		});
		const facts = item.querySelector('[data-facts]')!;
		for (const fact of Object.values(record.summary)) {
			const line = document.createElement('span');
			line.textContent = fact;
			facts.before(line);
		}
		facts.remove();
		return item;
	}

	async function load(): Promise<void> {
		let records: DeviceRecord[] = [];
		written = [];
		// Looking must not create the database on a device that never kept anything.
		if (await deviceStoreExists()) {
			[written, records] = await Promise.all([drafts.list(), myRecords.list()]);
		}
		part('loading').hidden = true;
		part('empty').hidden = written.length + records.length > 0;
		part('drafts').hidden = written.length === 0;
		part('drafts-list').replaceChildren(...written.map(draftItem));
		part('records').hidden = records.length === 0;
		part('records-list').replaceChildren(...records.map(recordItem));
		part('clear').hidden = written.length + records.length === 0;
	}

	part('clear').addEventListener('click', async () => {
		await myRecords.clear();
		await Promise.all(written.map((draft) => drafts.remove(draft.key)));
		await load();
		say(status, JSON.parse(status.dataset.cleared!));
	});
	addEventListener(DRAFTS_EVENT, () => void load());
	void load();
}
