import { recordedAt } from './columns';
import { sql } from 'drizzle-orm';
import {
	bigserial,
	check,
	date,
	index,
	integer,
	jsonb,
	pgTable,
	text,
	timestamp,
	unique,
	uuid
} from 'drizzle-orm/pg-core';

export interface Petitioner {
	name?: string;
	document?: string;
	email?: string;
	phone?: string;
	address?: string;
}

/** A filed PQRSD. The security code exists only as a keyed hash (HMAC with APP_SECRET). */
export const radicados = pgTable(
	'radicados',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		number: text('number').notNull().unique(),
		year: integer('year').notNull(),
		sequence: integer('sequence').notNull(),
		type: text('type').notNull(),
		subject: text('subject').notNull(),
		description: text('description').notNull(),
		municipality: text('municipality'),
		identity: text('identity', { enum: ['identified', 'reserved', 'anonymous'] }).notNull(),
		petitioner: jsonb('petitioner').$type<Petitioner>(),
		contactPreference: text('contact_preference', {
			enum: ['email', 'phone', 'postal', 'online']
		}).notNull(),
		consentAt: timestamp('consent_at', { withTimezone: true }),
		lang: text('lang').notNull(),
		codeHash: text('code_hash').notNull(),
		state: text('state', { enum: ['radicada', 'en_tramite', 'respondida', 'trasladada'] })
			.notNull()
			.default('radicada'),
		filedAt: timestamp('filed_at', { withTimezone: true }).notNull(),
		termDays: integer('term_days').notNull(),
		dueDate: date('due_date', { mode: 'string' }).notNull()
	},
	(t) => [
		unique('radicados_year_sequence').on(t.year, t.sequence),
		check('radicados_sequence_positive', sql`${t.sequence} > 0`)
	]
);

/** One row per year; the filing transaction bumps it, so numbers have no gaps and no repeats. */
export const radicadoSequences = pgTable('radicado_sequences', {
	year: integer('year').primaryKey(),
	last: integer('last').notNull()
});

/** What happened to a petition, shown to the citizen in the look-up. */
export const radicadoEvents = pgTable(
	'radicado_events',
	{
		id: bigserial('id', { mode: 'number' }).primaryKey(),
		radicadoId: uuid('radicado_id')
			.notNull()
			.references(() => radicados.id, { onDelete: 'cascade' }),
		kind: text('kind', {
			enum: ['radicada', 'en_tramite', 'respondida', 'trasladada', 'ampliacion_de_plazo']
		}).notNull(),
		at: timestamp('at', { withTimezone: true }).notNull(),
		/** respondida: the outgoing document's number and date. */
		responseNumber: text('response_number'),
		responseDate: date('response_date', { mode: 'string' }),
		/** ampliacion_de_plazo: why, and the new due date. */
		reason: text('reason'),
		newDueDate: date('new_due_date', { mode: 'string' }),
		/** trasladada: the competent entity the petition went to. */
		forwardedTo: text('forwarded_to'),
		actor: text('actor').notNull()
	},
	(t) => [index('radicado_events_radicado_idx').on(t.radicadoId, t.at)]
);

/** Files sent with a petition, kept under DATA_DIR/attachments/, never under the web root. */
export const radicadoAttachments = pgTable('radicado_attachments', {
	id: uuid('id').primaryKey(),
	radicadoId: uuid('radicado_id')
		.notNull()
		.references(() => radicados.id, { onDelete: 'cascade' }),
	filename: text('filename').notNull(),
	contentType: text('content_type').notNull(),
	size: integer('size').notNull(),
	sha256: text('sha256').notNull(),
	createdAt: recordedAt('created_at')
});
