import { asc, eq, isNotNull } from 'drizzle-orm';
import { localDate } from '$lib/domain/local-time';
import { createHash } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import { charter } from '$lib/content/charter';
import { z } from 'zod';
import { audit } from '../audit';
import { clock } from '../clock';
import type { Database } from '../db';
import { contentItems as table, contentVersions } from '../db/schema';
import { DomainError, type FieldError } from '../errors';
import type { Transaction } from '../idempotency';
import { live } from '../live';
import { nonWorkingDays } from '../non-working-days';
import { requireRole, type StaffUser } from '../staff';
import { belowTheBar } from './form';
import { applyPublished, KINDS, shippedItems, VALUE_SCHEMAS, type Kind } from './values';

export {
	earlierCharters,
	followCharter,
	KINDS,
	VALUE_SCHEMAS,
	type Kind,
	type Value
} from './values';

const CHARTER = 'charter:carta';
const SEED = 'seed';

type Row = typeof table.$inferSelect;

/** published: nothing waits; draft: a change waits for another editor; returned: sent back. */
export type ItemState = 'published' | 'draft' | 'returned';

export interface Item {
	id: string;
	kind: Kind;
	state: ItemState;
	demo: boolean;
	version: number;
	published: Record<string, unknown>;
	publishedBy: string;
	publishedAt: Date;
	draft: Record<string, unknown> | null;
	draftBy: string | null;
	draftAt: Date | null;
	/** Why the draft may go out under the plain-language bar, when it does. */
	draftReason: string | null;
	/** What the draft asks besides a change: a new item, or removing this one. */
	action: 'create' | 'remove' | null;
	/** On the pages (false for a new item waiting, and for a removed one). */
	listed: boolean;
	returnNote: string | null;
	returnedBy: string | null;
}

function itemOf(row: Row): Item {
	return {
		id: row.id,
		kind: row.kind,
		state: row.draft === null ? 'published' : row.returnNote !== null ? 'returned' : 'draft',
		demo: row.demo,
		version: row.version,
		published: row.published,
		publishedBy: row.publishedBy,
		publishedAt: row.publishedAt,
		draft: row.draft,
		draftBy: row.draftBy,
		draftAt: row.draftAt,
		draftReason: row.draftReason,
		action: row.draftAction,
		listed: row.listed,
		returnNote: row.returnNote,
		returnedBy: row.returnedBy
	};
}

async function rowOf(db: Database | Transaction, id: string, { lock = false } = {}): Promise<Row> {
	const query = db.select().from(table).where(eq(table.id, id));
	const [row] = lock ? await query.for('update') : await query;
	if (!row) throw new DomainError('NOT_FOUND');
	return row;
}

/** Zod's complaints as the field errors every form and problem+json answer shows. */
function fieldErrors(error: z.ZodError): FieldError[] {
	return error.issues.map((issue) => ({
		path: issue.path.join('.'),
		message:
			issue.code === 'too_small' && issue.origin === 'string'
				? 'required'
				: issue.code === 'too_big'
					? 'too_long'
					: issue.code === 'custom'
						? issue.message
						: 'invalid'
	}));
}

/** The reason to publish text under the plain-language bar: required, at most 1000 characters. */
function reasonOf(reason: string | undefined): string {
	const why = reason?.trim() ?? '';
	if (!why || why.length > 1000) {
		throw new DomainError('VALIDATION_FAILED', {
			fields: [{ path: 'reason', message: why ? 'too_long' : 'reason_required' }]
		});
	}
	return why;
}

/** A value checked against its kind's schema, trimmed and with unknown fields refused (422). */
export function validValue(kind: Kind, value: unknown): Record<string, unknown> {
	const parsed = VALUE_SCHEMAS[kind].safeParse(value);
	if (!parsed.success) {
		throw new DomainError('VALIDATION_FAILED', { fields: fieldErrors(parsed.error) });
	}
	// Stored as JSON: a field left out and a field sent as undefined are the same value.
	return JSON.parse(JSON.stringify(parsed.data)) as Record<string, unknown>;
}

/** Loads what is published into this process; `live` calls it whenever content changed. */
async function publishContent(db: Database): Promise<void> {
	const rows = await db.select().from(table);
	const charters = await db
		.select()
		.from(contentVersions)
		.where(eq(contentVersions.itemId, CHARTER))
		.orderBy(asc(contentVersions.version));
	// A value this release cannot read (written by a newer one) leaves the item as shipped.
	const readable = (kind: Kind, value: unknown, demo: boolean) => {
		const parsed = VALUE_SCHEMAS[kind].safeParse(value);
		return parsed.success ? [{ value: parsed.data as Record<string, unknown>, demo }] : [];
	};
	applyPublished(
		new Map(
			rows
				.filter((row) => row.listed)
				.flatMap((row) =>
					readable(row.kind, row.published, row.demo).map((value) => [row.id, value] as const)
				)
		),
		charters.flatMap((row) => readable('charter', row.value, row.writtenBy === 'seed')),
		localDate(clock.now()),
		new Set(rows.filter((row) => !row.listed).map((row) => row.id))
	);
}

live.on('content', publishContent);

/** `publishedWord()` of the last text it was asked about. */
let word = { of: '', word: '' };

/**
 * What the pages show, as one short word the same on every instance: the live tokens (content,
 * translations, recordings) and the charter in force. Pages carry it and the page script
 * registers the service worker with it, so a change makes a new worker that keeps the changed
 * pages for offline use.
 */
export function publishedWord(): string {
	const of = `${live.tokens()}|${charter.version}`;
	// Every request asks; the hash is taken again only when what it stands for changed.
	if (word.of !== of) {
		word = { of, word: createHash('sha256').update(of).digest('base64url').slice(0, 16) };
	}
	return word.word;
}

/** The author of the drafts an import leaves: any editor may approve them. */
export const IMPORTER = 'content:import';

/** What `npm run content:export` writes and `content:import` reads. */
export const fileSchema = z.object({
	format: z.literal('ventanilla-content'),
	version: z.literal(1),
	items: z
		.array(
			z.object({ id: z.string().min(1).max(200), published: z.record(z.string(), z.unknown()) })
		)
		.max(2000)
});
export type ContentFile = z.infer<typeof fileSchema>;

export const contentStudio = {
	/** Puts the shipped demo content in a fresh database; items already there stay as they are. */
	async seed(db: Database | Transaction): Promise<void> {
		// Only what is missing is written: a restart finds everything there and reads two lists of
		// ids instead of sending the whole shipped content to be refused row by row.
		const [present, first] = await Promise.all([
			db.select({ id: table.id }).from(table),
			db
				.select({ id: contentVersions.itemId })
				.from(contentVersions)
				.where(eq(contentVersions.version, 1))
		]);
		const have = new Set(present.map((row) => row.id));
		const versioned = new Set(first.map((row) => row.id));
		const items = shippedItems().filter((item) => !have.has(item.id) || !versioned.has(item.id));
		if (items.length === 0) return;
		await db
			.insert(table)
			.values(
				items.map((item) => ({
					id: item.id,
					kind: item.kind,
					demo: true,
					published: item.value,
					version: 1,
					publishedBy: SEED
				}))
			)
			.onConflictDoNothing();
		// Version 1 of every item is the shipped one: the history starts complete.
		await db
			.insert(contentVersions)
			.values(
				items.map((item) => ({
					itemId: item.id,
					version: 1,
					value: item.value,
					writtenBy: SEED,
					approvedBy: SEED
				}))
			)
			.onConflictDoNothing();
	},

	/** Every item, or those of one kind, in the order of the site. */
	async list(db: Database, filter: { kind?: Kind } = {}): Promise<Item[]> {
		const rows = await (filter.kind
			? db.select().from(table).where(eq(table.kind, filter.kind))
			: db.select().from(table));
		const order = new Map(shippedItems().map((item, index) => [item.id, index]));
		return rows
			.filter((row) => row.listed || row.draft !== null)
			.map(itemOf)
			.sort(
				(a, b) =>
					KINDS.indexOf(a.kind) - KINDS.indexOf(b.kind) ||
					(order.get(a.id) ?? Infinity) - (order.get(b.id) ?? Infinity) ||
					a.id.localeCompare(b.id)
			);
	},

	/** Every item's published value, to move to another installation. */
	async export(db: Database): Promise<ContentFile> {
		const items = await contentStudio.list(db);
		return {
			format: 'ventanilla-content',
			version: 1,
			items: items.map((item) => ({ id: item.id, published: item.published }))
		};
	},

	/**
	 * Reads an exported file through the same schemas as the studio: nothing changes if any item
	 * is unknown or invalid; otherwise every item that differs from what is published becomes a
	 * draft of `content:import`, for an editor to approve (four eyes, as for any change).
	 */
	async import(db: Database, file: unknown): Promise<{ drafts: number; unchanged: number }> {
		const parsed = fileSchema.safeParse(file);
		if (!parsed.success) {
			throw new DomainError('VALIDATION_FAILED', { fields: fieldErrors(parsed.error) });
		}
		return db.transaction(async (tx) => {
			const rows = new Map(
				(await tx.select().from(table).for('update')).map((row) => [row.id, row])
			);
			const fields: FieldError[] = [];
			const changed: { row: Row; value: Record<string, unknown> }[] = [];
			for (const [index, item] of parsed.data.items.entries()) {
				const row = rows.get(item.id);
				if (!row) {
					fields.push({ path: `items.${index}.id`, message: 'unknown' });
					continue;
				}
				const checked = VALUE_SCHEMAS[row.kind].safeParse(item.published);
				if (!checked.success) {
					for (const field of fieldErrors(checked.error)) {
						fields.push({ ...field, path: `items.${index}.published.${field.path}` });
					}
					continue;
				}
				const value = JSON.parse(JSON.stringify(checked.data)) as Record<string, unknown>;
				if (!isDeepStrictEqual(value, row.published)) changed.push({ row, value });
			}
			if (fields.length) throw new DomainError('VALIDATION_FAILED', { fields });
			for (const { row, value } of changed) {
				await tx
					.update(table)
					.set({
						draft: value,
						draftBy: IMPORTER,
						draftAt: clock.now(),
						draftReason: null,
						returnNote: null,
						returnedBy: null,
						returnedAt: null
					})
					.where(eq(table.id, row.id));
				await audit(tx, {
					actor: IMPORTER,
					action: 'content.draft_saved',
					subject: row.id,
					data: { draft: value }
				});
			}
			return { drafts: changed.length, unchanged: parsed.data.items.length - changed.length };
		});
	},

	/** How many changes wait for a second editor. */
	async waiting(db: Database): Promise<number> {
		return (await db.select({ id: table.id }).from(table).where(isNotNull(table.draft))).length;
	},

	async get(db: Database, id: string): Promise<Item> {
		return itemOf(await rowOf(db, id));
	},

	/**
	 * Keeps an editor's change as a draft until another editor approves it; citizens keep seeing
	 * the published value meanwhile. Saving the published value again drops the draft. Text under
	 * the plain-language bar needs the author's reason, which the reviewer reads.
	 */
	async save(
		db: Database,
		id: string,
		value: unknown,
		actor: StaffUser,
		{ reason }: { reason?: string | undefined } = {}
	): Promise<Item> {
		requireRole(actor, 'editor');
		return db.transaction(async (tx) => {
			const row = await rowOf(tx, id, { lock: true });
			const clean = validValue(row.kind, value);
			// A new item stays a draft whatever it says: there is nothing published to fall back on.
			const creating = row.draftAction === 'create';
			const same = !creating && isDeepStrictEqual(clean, row.published);
			if (same && row.draft === null) return itemOf(row);
			const why = same || !belowTheBar(row.kind, clean) ? null : reasonOf(reason);
			const [saved] = await tx
				.update(table)
				.set({
					draft: same ? null : clean,
					draftBy: same ? null : actor.email,
					draftAt: same ? null : clock.now(),
					draftReason: why,
					draftAction: creating ? 'create' : null,
					returnNote: null,
					returnedBy: null,
					returnedAt: null
				})
				.where(eq(table.id, id))
				.returning();
			await audit(tx, {
				actor: actor.email,
				action: same ? 'content.draft_dropped' : 'content.draft_saved',
				subject: id,
				data: same ? {} : { draft: clean, reason: why }
			});
			return itemOf(saved!);
		});
	},

	/**
	 * Another editor approves the draft (it is published on every instance at once, as a new
	 * version) or sends it back with a note. Nobody approves their own change (OWN_CHANGE).
	 */
	async review(
		db: Database,
		id: string,
		input: { decision: 'approve' | 'return'; note?: string | undefined },
		actor: StaffUser
	): Promise<Item> {
		requireRole(actor, 'editor');
		return db.transaction(async (tx) => {
			const row = await rowOf(tx, id, { lock: true });
			if (row.draft === null || row.returnNote !== null) {
				throw new DomainError('NOTHING_TO_REVIEW');
			}
			if (row.draftBy === actor.email) throw new DomainError('OWN_CHANGE');
			if (input.decision === 'return') {
				const note = input.note?.trim() ?? '';
				if (!note) {
					throw new DomainError('VALIDATION_FAILED', {
						fields: [{ path: 'note', message: 'required' }]
					});
				}
				const [returned] = await tx
					.update(table)
					.set({ returnNote: note, returnedBy: actor.email, returnedAt: clock.now() })
					.where(eq(table.id, id))
					.returning();
				await audit(tx, {
					actor: actor.email,
					action: 'content.returned',
					subject: id,
					data: { note, author: row.draftBy }
				});
				return itemOf(returned!);
			}
			if (row.draftAction === 'remove') return removeNow(tx, row, actor);
			const version = row.version + 1;
			const now = clock.now();
			const [published] = await tx
				.update(table)
				.set({
					published: row.draft,
					demo: false,
					version,
					publishedBy: actor.email,
					publishedAt: now,
					draft: null,
					draftBy: null,
					draftAt: null,
					draftReason: null,
					draftAction: null,
					listed: true
				})
				.where(eq(table.id, id))
				.returning();
			await tx.insert(contentVersions).values({
				itemId: id,
				version,
				value: row.draft,
				writtenBy: row.draftBy!,
				approvedBy: actor.email,
				reason: row.draftReason,
				publishedAt: now
			});
			// New non-working days move the due dates they fall within and cancel that day's
			// appointments, in this same transaction.
			const applied =
				row.kind === 'calendar'
					? await nonWorkingDays.apply(tx, row.published, row.draft, actor.email)
					: undefined;
			await audit(tx, {
				actor: actor.email,
				action: 'content.approved',
				subject: id,
				data: {
					version,
					action: row.draftAction,
					author: row.draftBy,
					note: input.note?.trim() || null,
					reason: row.draftReason,
					...(applied ? { applied } : {})
				}
			});
			await live.changed(tx, 'content');
			return itemOf(published!);
		});
	},

	/**
	 * Proposes a new item (a glossary entry): it waits, off the pages, until another editor
	 * approves it. `key` becomes its id (`glossary:{key}`) and its anchor on the page.
	 */
	async create(
		db: Database,
		input: { kind: Kind; key: string; value: unknown; reason?: string | undefined },
		actor: StaffUser
	): Promise<Item> {
		requireRole(actor, 'editor');
		if (!CREATABLE.includes(input.kind)) throw new DomainError('NOT_FOUND');
		const key = input.key.trim().toLowerCase();
		if (!KEY.test(key) || key.length > 60) {
			throw new DomainError('VALIDATION_FAILED', {
				fields: [{ path: 'key', message: key ? 'invalid_key' : 'required' }]
			});
		}
		const id = `${input.kind}:${key}`;
		return db.transaction(async (tx) => {
			const clean = validValue(input.kind, input.value);
			const why = belowTheBar(input.kind, clean) ? reasonOf(input.reason) : null;
			const [existing] = await tx.select().from(table).where(eq(table.id, id)).for('update');
			// An id is taken while its item is listed or waits; a removed one may be proposed again.
			if (existing && (existing.listed || existing.draft !== null)) {
				throw new DomainError('VALIDATION_FAILED', {
					fields: [{ path: 'key', message: 'taken' }]
				});
			}
			const now = clock.now();
			const pending = {
				kind: input.kind,
				demo: false,
				published: clean,
				publishedBy: actor.email,
				draft: clean,
				draftBy: actor.email,
				draftAt: now,
				draftReason: why,
				draftAction: 'create' as const,
				listed: false,
				returnNote: null,
				returnedBy: null,
				returnedAt: null
			};
			const [created] = existing
				? await tx.update(table).set(pending).where(eq(table.id, id)).returning()
				: await tx
						.insert(table)
						.values({ id, version: 0, ...pending })
						.returning();
			await audit(tx, {
				actor: actor.email,
				action: 'content.draft_saved',
				subject: id,
				data: { draft: clean, reason: why, action: 'create' }
			});
			return itemOf(created!);
		});
	},

	/** Asks to take an item off the pages; another editor approves it (four eyes, as any change). */
	async remove(db: Database, id: string, actor: StaffUser): Promise<Item> {
		requireRole(actor, 'editor');
		return db.transaction(async (tx) => {
			const row = await rowOf(tx, id, { lock: true });
			if (!CREATABLE.includes(row.kind) || !row.listed) throw new DomainError('NOT_FOUND');
			const [asked] = await tx
				.update(table)
				.set({
					draft: row.published,
					draftBy: actor.email,
					draftAt: clock.now(),
					draftReason: null,
					draftAction: 'remove',
					returnNote: null,
					returnedBy: null,
					returnedAt: null
				})
				.where(eq(table.id, id))
				.returning();
			await audit(tx, {
				actor: actor.email,
				action: 'content.draft_saved',
				subject: id,
				data: { action: 'remove' }
			});
			return itemOf(asked!);
		});
	}
};

/** The kinds editors may add and remove: glossary entries (pages and links hang on the others). */
export const CREATABLE: readonly Kind[] = ['glossary'];
const KEY = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** An approved removal: the item leaves the pages on every instance; its history stays. */
async function removeNow(tx: Transaction, row: Row, actor: StaffUser): Promise<Item> {
	const [removed] = await tx
		.update(table)
		.set({
			listed: false,
			draft: null,
			draftBy: null,
			draftAt: null,
			draftReason: null,
			draftAction: null
		})
		.where(eq(table.id, row.id))
		.returning();
	await audit(tx, {
		actor: actor.email,
		action: 'content.removed',
		subject: row.id,
		data: { author: row.draftBy }
	});
	await live.changed(tx, 'content');
	return itemOf(removed!);
}
