import { fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { channels } from '$lib/content/channels';
import { acronymExpansions } from '$lib/content/glossary';
import { SEGMENTS } from '$lib/content/services';
import { translator, type Translator } from '$lib/i18n/translator';
import { dateInWords } from '$lib/domain/dates-in-words';
import { hintWords, type Hint, type HintMessages } from '$lib/domain/plain-language';
import {
	contentStudio,
	CREATABLE,
	KINDS,
	type Item,
	type Kind,
	type Value
} from '$lib/server/content-items';
import { reviewSchema } from '$lib/server/content-items/api-schemas';
import {
	fieldHint,
	formErrors,
	formFromValue,
	formPath,
	itemHint,
	nextCharter,
	proseFields,
	valueFromForm,
	type FormFields
} from '$lib/server/content-items/form';
import { database } from '$lib/server/db';
import { nonWorkingDays } from '$lib/server/non-working-days';
import { isDomainError } from '$lib/server/errors';
import { fieldErrors } from '$lib/server/http/validation';
import { failWith, formValues } from '$lib/server/web/forms';
import { signedIn } from '$lib/server/web/staff';
import type { Actions, PageServerLoad } from './$types';

const DONE = ['saved', 'approve', 'return', 'dropped', 'removal'] as const;

/** What a new item of a kind starts as (only glossary entries are created from the studio). */
const BLANK: Partial<Record<Kind, Record<string, unknown>>> = {
	glossary: { es: { term: '', definition: '' } }
};

function blankItem(kind: Kind): Item {
	return {
		id: '',
		kind,
		state: 'draft',
		demo: false,
		version: 0,
		published: BLANK[kind]!,
		publishedBy: '',
		publishedAt: new Date(0),
		draft: null,
		draftBy: null,
		draftAt: null,
		draftReason: null,
		action: 'create',
		listed: false,
		returnNote: null,
		returnedBy: null
	};
}

/** An item's name in the list: a channel's or service's name, a term, the charter's version. */
function titleOf(item: Item, t: Translator['t']): string {
	if (item.kind === 'calendar') return t('studio:content.kinds.calendar');
	const value = (item.draft ?? item.published) as {
		es?: { name?: string; term?: string };
		version?: string;
	};
	return value.es?.name ?? value.es?.term ?? `Carta de trato digno ${value.version ?? ''}`.trim();
}

/** The hint's message templates; the page script fills in the same ones as the editor types. */
function hintMessages(t: Translator['t']): HintMessages {
	const keep = { score: '{{score}}', sentence: '{{sentence}}', acronym: '{{acronym}}' };
	return {
		score: t('studio:content.hints.score', { ...keep, minimum: '{{minimum}}' }),
		sentence: t('studio:content.hints.sentence', { ...keep, max: '{{max}}' }),
		acronym: t('studio:content.hints.acronym', keep),
		plain: t('studio:content.hints.plain', keep)
	};
}

/** A hint in words: the score against the bar, each long sentence, each acronym to explain. */
function hintText(hint: Hint | null, messages: HintMessages): string | undefined {
	return hint ? hintWords(hint, messages) : undefined;
}

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = signedIn(locals, url, 'editor');
	const { t } = await translator('es');
	const db = await database();
	const asked = url.searchParams.get('tipo') ?? '';
	const kind = (KINDS as readonly string[]).includes(asked) ? (asked as Kind) : undefined;
	const items = await contentStudio.list(db, { kind });
	const id = url.searchParams.get('id');
	// "Nueva palabra del glosario" (?nuevo=glossary): an empty item of that kind, to be created.
	const fresh = url.searchParams.get('nuevo');
	const blank = CREATABLE.find((one) => one === fresh);
	const item = blank ? blankItem(blank) : id ? items.find((one) => one.id === id) : undefined;
	const done = url.searchParams.get('hecho');
	const current = item ? (item.draft ?? item.published) : undefined;
	// "Preparar la versión del año siguiente": the form starts from the charter moved a year on.
	const next = item?.kind === 'charter' && url.searchParams.has('siguiente');
	const value = next ? nextCharter(current as Value<'charter'>) : current;
	const messages = hintMessages(t);
	const calendar =
		item?.kind === 'calendar' && value
			? {
					days: calendarDays(value),
					added: added(item.published, value),
					removed: added(value, item.published),
					impact: item.draft ? await nonWorkingDays.impact(db, item.published, item.draft) : null
				}
			: null;
	return {
		calendar,
		kind: kind ?? null,
		kinds: KINDS,
		segments: SEGMENTS,
		channels: channels.map((channel) => ({ id: channel.id, name: channel.block.es.name })),
		me: user.email,
		waiting: await contentStudio.waiting(db),
		items: items.map((one) => ({
			id: one.id,
			kind: one.kind,
			title: titleOf(one, t),
			state: one.state,
			demo: one.demo,
			version: one.version,
			draftBy: one.draftBy,
			action: one.action
		})),
		editing:
			item && value
				? {
						id: item.id,
						kind: item.kind,
						title: item.id ? titleOf(item, t) : t(`studio:content.create.${item.kind}`),
						state: item.state,
						version: item.version,
						draftBy: item.draftBy,
						returnNote: item.returnNote,
						returnedBy: item.returnedBy,
						next,
						creating: item.id === '',
						action: item.action,
						removable: CREATABLE.includes(item.kind) && item.listed && item.draft === null,
						sections:
							item.kind === 'charter'
								? (value as Value<'charter'>).sections.map((section) => section.id)
								: [],
						fields: formFromValue(item.kind, value),
						hints: Object.fromEntries(
							proseFields(item.kind, value).map((name) => {
								const text = formFromValue(item.kind, value)[name];
								const said = hintText(fieldHint(String(text ?? '')), messages);
								return [name, said ?? t('studio:content.hints.empty')];
							})
						) as Record<string, string>,
						verdict: hintText(itemHint(item.kind, value), messages) ?? null,
						draftReason: item.draftReason,
						// What the page script needs to say the same hints as the editor types.
						plain: JSON.stringify({
							messages,
							empty: t('studio:content.hints.empty'),
							known: [...acronymExpansions().keys()],
							fields: proseFields(item.kind, value)
						}),
						published: item.draft ? item.published : null
					}
				: null,
		creatable: CREATABLE,
		done: done && (DONE as readonly string[]).includes(done) ? done : null
	};
};

/** The calendar's days as the page lists them, each with its date in words. */
function calendarDays(value: Record<string, unknown>) {
	return (value as Value<'calendar'>).days.map((day) => ({ ...day, words: dateInWords(day.date) }));
}

/** The days of `after` that `before` lacks (or has with another kind or reason). */
function added(before: Record<string, unknown>, after: Record<string, unknown>) {
	const was = (before as Value<'calendar'>).days;
	return calendarDays(after).filter(
		(day) =>
			!was.some(
				(old) => old.date === day.date && old.kind === day.kind && old.reason === day.reason
			)
	);
}

const idForm = z.object({ id: z.string().min(1).max(200) });

export const actions: Actions = {
	guardar: async ({ locals, url, request }) => {
		const user = signedIn(locals, url, 'editor');
		const { t } = await translator('es');
		const values = formValues(await request.formData()) as FormFields;
		const asked = idForm.safeParse(values);
		if (!asked.success) return fail(400, { errors: { form: t('studio:errors.form') } });
		const db = await database();
		const { id } = asked.data;
		let dropped: boolean;
		try {
			const item = await contentStudio.get(db, id);
			const base = item.draft ?? item.published;
			const names = [...Object.keys(formFromValue(item.kind, base)), 'reason'];
			const value = valueFromForm(item.kind, values, base);
			const reason = typeof values.reason === 'string' ? values.reason : undefined;
			try {
				dropped = (await contentStudio.save(db, id, value, user, { reason })).state === 'published';
			} catch (caught) {
				if (!isDomainError(caught, 'VALIDATION_FAILED')) throw caught;
				const fields = (caught.details.fields ?? []).map((field) => ({
					...field,
					path: formPath(item.kind, field.path)
				}));
				const errors = formErrors(fields, names, (reason) => t(`studio:content.errors.${reason}`));
				return fail(422, { errors, values });
			}
		} catch (caught) {
			return failWith(caught, t, { field: 'form', values });
		}
		redirect(
			303,
			`/staff/contenido?id=${encodeURIComponent(id)}&hecho=${dropped ? 'dropped' : 'saved'}`
		);
	},

	crear: async ({ locals, url, request }) => {
		const user = signedIn(locals, url, 'editor');
		const { t } = await translator('es');
		const values = formValues(await request.formData()) as FormFields;
		const kind = CREATABLE.find((one) => one === values.kind);
		if (!kind) return fail(400, { errors: { form: t('studio:errors.form') } });
		const key = typeof values.key === 'string' ? values.key : '';
		let id: string;
		try {
			const names = ['key', ...Object.keys(formFromValue(kind, BLANK[kind]!)), 'reason'];
			try {
				const created = await contentStudio.create(
					await database(),
					{
						kind,
						key,
						value: valueFromForm(kind, values, BLANK[kind]!),
						reason: typeof values.reason === 'string' ? values.reason : undefined
					},
					user
				);
				id = created.id;
			} catch (caught) {
				if (!isDomainError(caught, 'VALIDATION_FAILED')) throw caught;
				const errors = formErrors(caught.details.fields ?? [], names, (reason) =>
					t(`studio:content.errors.${reason}`)
				);
				return fail(422, { errors, values });
			}
		} catch (caught) {
			return failWith(caught, t, { field: 'form', values });
		}
		redirect(303, `/staff/contenido?id=${encodeURIComponent(id)}&hecho=saved`);
	},

	quitar: async ({ locals, url, request }) => {
		const user = signedIn(locals, url, 'editor');
		const { t } = await translator('es');
		const asked = idForm.safeParse(formValues(await request.formData()));
		if (!asked.success) return fail(400, { errors: { form: t('studio:errors.form') } });
		try {
			await contentStudio.remove(await database(), asked.data.id, user);
		} catch (caught) {
			return failWith(caught, t, { field: 'form' });
		}
		redirect(303, `/staff/contenido?id=${encodeURIComponent(asked.data.id)}&hecho=removal`);
	},

	revisar: async ({ locals, url, request }) => {
		const user = signedIn(locals, url, 'editor');
		const { t } = await translator('es');
		const values = formValues(await request.formData());
		const id = typeof values.id === 'string' ? values.id : '';
		const form = reviewSchema.safeParse(values);
		if (!form.success || !id) {
			const [issue] = form.success ? [] : fieldErrors(form.error.issues, t);
			return fail(400, {
				errors: { note: issue?.message ?? t('studio:errors.form') },
				values: { note: String(values.note ?? '') }
			});
		}
		try {
			await contentStudio.review(await database(), id, form.data, user);
		} catch (caught) {
			return failWith(caught, t, { field: 'note', values: { note: form.data.note ?? '' } });
		}
		redirect(303, `/staff/contenido?id=${encodeURIComponent(id)}&hecho=${form.data.decision}`);
	}
};
