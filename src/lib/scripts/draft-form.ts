// The offline side of the petition and call-back forms, which post as plain HTML forms. This adds:
// - a fresh idempotency key for each view (the copy of the page kept on the device carries one);
// - with no signal at all, the request kept on the device as a draft instead of posted;
// - a draft that waits shown as such: one kept here, or one the service worker kept when the
//   form's answer was lost on the way (it sends the person to `?borrador={key}`);
// - the draft followed until the server answers, then the usual confirmation, which the server
//   rendered into a template, filled with the answer. A refused draft goes back to the form.
// The same key on every try means the server files the request once.
import { dateInWords, instantInWords, windowInWords } from '../domain/dates-in-words';
import { formatPhone } from '../domain/phone-format';
import { formatSecurityCode } from '../domain/security-code';
import type { Locale } from '../i18n/locales';
import { deviceStoreExists } from '../offline/device-store';
import { DRAFT_FIELDS, drafts, type Draft, type DraftKind } from '../offline/drafts';
import { chosenFiles, draftAddress, followDraft, formBody } from '../offline/offline-form';
import { queueDraft } from '../offline/sending';
import { contentAdded } from './enhance';
import { instantiate, type Values } from './fill';

const plurals = new Intl.PluralRules('es');

/** What the page shows of a request while it waits, from what the person wrote. */
function pendingValues(draft: Draft, filesLeftOut: number): Values {
	const body = draft.body as Record<string, string | undefined>;
	return { subject: body.subject, files: filesLeftOut || null };
}

/**
 * What the confirmation shows, from the server's answer (and what the person wrote). `names` are
 * texts the server rendered for the template, such as the name of each type of petition.
 */
function sentValues(
	kind: DraftKind,
	answer: unknown,
	wrote: Record<string, unknown>,
	names: Record<string, string>
): Values {
	if (kind === 'pqrsd') {
		const filed = answer as {
			number: string;
			securityCode: string;
			type: string;
			filedAt: string;
			termDays: number;
			dueDate: string;
			receiptEmailed?: boolean;
		};
		const { receiptEmailed, ...shown } = filed;
		const emailed = receiptEmailed !== false && wrote.identity !== 'anonymous';
		return {
			...shown,
			termForm: plurals.select(filed.termDays) === 'one' ? 'one' : 'other',
			code: formatSecurityCode(filed.securityCode),
			typeName: names[filed.type],
			filedAtWords: instantInWords(new Date(filed.filedAt)),
			dueWords: dateInWords(filed.dueDate),
			emailedTo: emailed ? (wrote.email as string) || null : null
		};
	}
	const receipt = answer as {
		id: string;
		phone: string;
		language: string;
		day: string;
		window: { start: string; end: string };
	};
	return {
		id: receipt.id,
		language: receipt.language,
		phone: formatPhone(receipt.phone),
		day: dateInWords(receipt.day),
		...windowInWords(receipt.window)
	};
}

function start(form: HTMLFormElement): void {
	const kind = form.dataset.draft as DraftKind;
	const lang = document.documentElement.lang as Locale;
	const view = form.closest<HTMLElement>('[data-draft-view]')!;
	const pendingTemplate = document.querySelector<HTMLTemplateElement>('template[data-pending]')!;
	const sentTemplate = document.querySelector<HTMLTemplateElement>('template[data-sent]')!;
	const key = form.querySelector<HTMLInputElement>('input[name="idempotencyKey"]')!;
	if ('fresh' in key.dataset) key.value = crypto.randomUUID();

	/** Shows one of the templates in place of the form, its heading focused and its title set. */
	function show(template: HTMLTemplateElement, values: Values): void {
		view.replaceChildren(instantiate(template, values));
		document.title = template.dataset.title!;
		contentAdded(view);
		const heading = view.querySelector('h1');
		heading?.setAttribute('tabindex', '-1');
		heading?.focus();
	}

	/** Back to the form, the draft's text in it, through the form action: the server says what to fix. */
	function resubmit(draft: Draft): void {
		const again = document.createElement('form');
		again.method = 'POST';
		again.action = location.pathname;
		again.hidden = true;
		// Corrected, it is another request: it gets its own key.
		const fields = {
			...(draft.body as Record<string, string>),
			idempotencyKey: crypto.randomUUID()
		};
		for (const [name, value] of Object.entries(fields)) {
			const input = document.createElement('input');
			input.type = 'hidden';
			input.name = name;
			input.value = value;
			again.append(input);
		}
		document.body.append(again);
		again.submit();
	}

	function follow(draft: Draft, filesLeftOut: number): void {
		const wrote = draft.body;
		history.replaceState(null, '', draftAddress(draft, filesLeftOut));
		show(pendingTemplate, pendingValues(draft, filesLeftOut));
		followDraft(draft.key, (settled) => void settle(settled, wrote));
	}

	async function settle(draft: Draft | undefined, wrote: Record<string, unknown>): Promise<void> {
		if (draft?.state === 'sent') {
			// Seen here: it need not wait in "Mis trámites".
			await drafts.remove(draft.key);
			history.replaceState(null, '', location.pathname);
			const names = JSON.parse(sentTemplate.dataset.names ?? '{}') as Record<string, string>;
			show(sentTemplate, sentValues(kind, draft.answer, wrote, names));
		} else if (draft?.state === 'rejected') {
			await drafts.remove(draft.key);
			resubmit(draft);
		} else {
			// Removed meanwhile ("Borrar todo" in another tab): the form again.
			location.replace(location.pathname);
		}
	}

	form.addEventListener('submit', (event) => {
		// With a signal the browser posts the form; if its answer is lost, the service worker keeps it.
		if (navigator.onLine) return;
		event.preventDefault();
		const data = new FormData(form);
		queueDraft(kind, formBody(data, DRAFT_FIELDS[kind]), lang).then(
			(draft) => follow(draft, chosenFiles(data, 'attachments')),
			() => {
				// This browser cannot keep it (IndexedDB off in some private windows).
				document.querySelector<HTMLElement>('[data-draft-not-saved]')!.hidden = false;
			}
		);
	});

	void (async () => {
		// Looking must not create the device's database when it never kept anything.
		if (!('indexedDB' in window) || !(await deviceStoreExists())) return;
		const address = new URL(location.href);
		const shown = address.searchParams.get('borrador');
		const all = await drafts.list();
		const draft = all.find((d) => d.key === shown && d.kind === kind);
		if (draft?.state === 'pending') follow(draft, Number(address.searchParams.get('archivos')));
		else if (draft) void settle(draft, draft.body);
		else {
			if (shown) history.replaceState(null, '', location.pathname);
			// Requests of this kind written here earlier and not yet seen.
			if (all.some((d) => d.kind === kind)) {
				document.querySelector<HTMLElement>('[data-draft-waiting]')!.hidden = false;
			}
		}
	})().catch(() => undefined);
}

const form = document.querySelector<HTMLFormElement>('form[data-draft]');
if (form) start(form);
