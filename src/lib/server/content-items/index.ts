import { asc, eq, isNotNull } from 'drizzle-orm';
import { localDate } from '$lib/domain/local-time';
import { isDeepStrictEqual } from 'node:util';
import { z } from 'zod';
import { audit } from '../audit';
import { clock } from '../clock';
import type { Database } from '../db';
import { contentItems as table, contentVersions } from '../db/schema';
import { DomainError, type FieldError } from '../errors';
import type { Transaction } from '../idempotency';
import { live } from '../live';
import { requireRole, type StaffUser } from '../staff';
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
			rows.flatMap((row) =>
				readable(row.kind, row.published, row.demo).map((value) => [row.id, value] as const)
			)
		),
		charters.flatMap((row) => readable('charter', row.value, row.writtenBy === 'seed')),
		localDate(clock.now())
	);
}

live.on('content', publishContent);

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
	 * the published value meanwhile. Saving the published value again drops the draft.
	 */
	async save(db: Database, id: string, value: unknown, actor: StaffUser): Promise<Item> {
		requireRole(actor, 'editor');
		return db.transaction(async (tx) => {
			const row = await rowOf(tx, id, { lock: true });
			const clean = validValue(row.kind, value);
			const same = isDeepStrictEqual(clean, row.published);
			if (same && row.draft === null) return itemOf(row);
			const [saved] = await tx
				.update(table)
				.set({
					draft: same ? null : clean,
					draftBy: same ? null : actor.email,
					draftAt: same ? null : clock.now(),
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
				data: same ? {} : { draft: clean }
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
					draftAt: null
				})
				.where(eq(table.id, id))
				.returning();
			await tx.insert(contentVersions).values({
				itemId: id,
				version,
				value: row.draft,
				writtenBy: row.draftBy!,
				approvedBy: actor.email,
				publishedAt: now
			});
			await audit(tx, {
				actor: actor.email,
				action: 'content.approved',
				subject: id,
				data: { version, author: row.draftBy, note: input.note?.trim() || null }
			});
			await live.changed(tx, 'content');
			return itemOf(published!);
		});
	}
};
