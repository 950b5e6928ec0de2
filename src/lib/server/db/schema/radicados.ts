import { recordedAt } from './columns';
import { sql } from 'drizzle-orm';
import {
	bigserial,
	boolean,
	check,
	date,
	index,
	integer,
	jsonb,
	pgTable,
	primaryKey,
	text,
	timestamp,
	unique,
	uuid
} from 'drizzle-orm/pg-core';
import {
	EVENT_KINDS,
	PETITION_CHANNELS,
	PETITION_STATES,
	RUNNING_BANDS
} from '../../../domain/petitions';

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
		state: text('state', { enum: PETITION_STATES }).notNull().default('radicada'),
		filedAt: timestamp('filed_at', { withTimezone: true }).notNull(),
		/** The legal term of the type when it was filed. */
		termDays: integer('term_days').notNull(),
		/** The current due date: moved by extensions and by finished pauses. */
		dueDate: date('due_date', { mode: 'string' }).notNull(),
		channel: text('channel', { enum: PETITION_CHANNELS }).notNull().default('web'),
		/** The id of a dependency of the entity profile, once assigned. */
		dependency: text('dependency'),
		/** The official (email) working it, once assigned. */
		assignee: text('assignee'),
		/**
		 * First days of the media and alta bands (critica starts on the due date): the queue tells
		 * the band by comparing dates. Filled for every open petition (see radicados/bands.ts).
		 */
		mediaFrom: date('media_from', { mode: 'string' }),
		altaFrom: date('alta_from', { mode: 'string' }),
		/** Business days of pauses that ended (art. 17); they do not count against the term. */
		pausedDays: integer('paused_days').notNull().default(0),
		/** The start of the pause under way (por_completar), and the band it froze. */
		pausedAt: timestamp('paused_at', { withTimezone: true }),
		bandAtPause: text('band_at_pause', { enum: RUNNING_BANDS })
	},
	(t) => [
		unique('radicados_year_sequence').on(t.year, t.sequence),
		check('radicados_sequence_positive', sql`${t.sequence} > 0`),
		// The queue: open petitions by due date, with every column its band and filters read, so
		// counting them per band reads the index alone; and those of one state (closed ones are most).
		index('radicados_open_due_idx')
			.on(
				t.dueDate,
				t.number,
				t.altaFrom,
				t.mediaFrom,
				t.state,
				t.bandAtPause,
				t.type,
				t.channel,
				t.dependency,
				t.assignee
			)
			.where(sql`${t.state} in ('radicada', 'en_tramite', 'por_completar')`),
		index('radicados_state_due_idx').on(t.state, t.dueDate, t.number),
		index('radicados_filed_idx').on(t.filedAt)
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
		kind: text('kind', { enum: EVENT_KINDS }).notNull(),
		at: timestamp('at', { withTimezone: true }).notNull(),
		/** respondida: the outgoing document's number and date. */
		responseNumber: text('response_number'),
		responseDate: date('response_date', { mode: 'string' }),
		/** ampliacion_de_plazo: why, and the new due date; solicitud_de_completar: what is missing. */
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

/** One row per year for the numbers of outgoing answers, "2-YYYY-NNNNNN", like the incoming ones. */
export const responseSequences = pgTable('response_sequences', {
	year: integer('year').primaryKey(),
	last: integer('last').notNull()
});

/**
 * An answer to a petition: its text (shown in the look-up) and the signed document (a PDF kept
 * under DATA_DIR/attachments/, like the citizens' files), or an answer template the official edited.
 */
export const radicadoResponses = pgTable(
	'radicado_responses',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		radicadoId: uuid('radicado_id')
			.notNull()
			.references(() => radicados.id, { onDelete: 'cascade' }),
		/** The outgoing document's number, "2-YYYY-NNNNNN" or the entity's own. */
		number: text('number').notNull(),
		date: date('date', { mode: 'string' }).notNull(),
		text: text('text').notNull(),
		/** The answer template it started from: a first-level answer. */
		templateId: text('template_id'),
		documentId: uuid('document_id'),
		documentName: text('document_name'),
		documentSize: integer('document_size'),
		documentSha256: text('document_sha256'),
		/** Answers to anonymous petitions are published on the notices page until this day. */
		publishedUntil: date('published_until', { mode: 'string' }),
		actor: text('actor').notNull(),
		at: recordedAt('at')
	},
	(t) => [
		index('radicado_responses_radicado_idx').on(t.radicadoId),
		index('radicado_responses_published_idx')
			.on(t.publishedUntil)
			.where(sql`${t.publishedUntil} is not null`)
	]
);

/**
 * First-level answers the entity keeps ready (subsidies, the state of a radicado…). A change is a
 * draft (`draft_*`) until another editor approves it; `title`, `body` and `active` are what the
 * desk uses.
 */
export const answerTemplates = pgTable('answer_templates', {
	id: text('id').primaryKey(),
	title: text('title').notNull(),
	body: text('body').notNull(),
	active: boolean('active').notNull().default(true),
	updatedBy: text('updated_by').notNull().default('seed'),
	updatedAt: recordedAt('updated_at'),
	/** The number of the published version; 0 for a new template not approved yet. */
	version: integer('version').notNull().default(1),
	draftTitle: text('draft_title'),
	draftBody: text('draft_body'),
	draftActive: boolean('draft_active'),
	draftBy: text('draft_by'),
	draftAt: timestamp('draft_at', { withTimezone: true })
});

/**
 * The morning alert of a dependency on a day: the row is claimed in the transaction that queues the
 * email, so two instances (or two rounds) send it once.
 */
export const petitionAlerts = pgTable(
	'petition_alerts',
	{
		dependency: text('dependency').notNull(),
		day: date('day', { mode: 'string' }).notNull(),
		petitions: integer('petitions').notNull(),
		at: recordedAt('at')
	},
	(t) => [primaryKey({ columns: [t.dependency, t.day] })]
);
