/**
 * The life of a petition: its states, the events that move it, and the channels it arrives by.
 * The database, the API and the pages all take these lists from here.
 */

/**
 * `radicada` (received), `en_tramite` (being worked), `por_completar` (the petitioner was asked to
 * complete it: the term stands still, Ley 1755 art. 17), then one of the ends: `respondida`,
 * `trasladada` (forwarded to the competent entity, art. 21) or `desistida` (not completed within a
 * month: withdrawn).
 */
export const PETITION_STATES = [
	'radicada',
	'en_tramite',
	'por_completar',
	'respondida',
	'trasladada',
	'desistida'
] as const;
export type PetitionState = (typeof PETITION_STATES)[number];

/** States of a petition the entity still has to answer: the desk's queue. */
export const OPEN_STATES = ['radicada', 'en_tramite', 'por_completar'] as const;
export type OpenState = (typeof OPEN_STATES)[number];

export function isOpen(state: string): state is OpenState {
	return (OPEN_STATES as readonly string[]).includes(state);
}

/** What the look-up shows in a petition's history; assignment and reading are only audited. */
export const EVENT_KINDS = [
	'radicada',
	'en_tramite',
	'respondida',
	'trasladada',
	'ampliacion_de_plazo',
	'solicitud_de_completar',
	'completada',
	'desistida'
] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

/** The events an official records by hand; answers have their own operation. */
export const STAFF_EVENT_KINDS = [
	'en_tramite',
	'ampliacion_de_plazo',
	'trasladada',
	'solicitud_de_completar',
	'completada'
] as const;
export type StaffEventKind = (typeof STAFF_EVENT_KINDS)[number];

/**
 * How a petition reached the entity: the web form (and the API), or an official filing one
 * received by phone, email, in person or by post into the same record.
 */
export const PETITION_CHANNELS = ['web', 'phone', 'email', 'in_person', 'post'] as const;
export type PetitionChannel = (typeof PETITION_CHANNELS)[number];
export const STAFF_CHANNELS = ['phone', 'email', 'in_person', 'post'] as const;

/** The bands of a petition still running, in the order they come (see terms.ts). */
export const RUNNING_BANDS = ['baja', 'media', 'alta', 'critica'] as const;
export type RunningBand = (typeof RUNNING_BANDS)[number];

/** Petition types that may be filed anonymously (DNP's protocol: quejas and denuncias). */
export const ANONYMOUS_TYPES = ['queja', 'denuncia'] as const;
