/**
 * A petition's fields in the order of the form. The API takes the same names, the form's drafts
 * keep them, and the error summary lists them in this order.
 */
export const PETITION_FIELDS = [
	'type',
	'subject',
	'description',
	'municipality',
	'identity',
	'name',
	'document',
	'email',
	'phone',
	'address',
	'contactPreference',
	'consent'
] as const;

export type PetitionField = (typeof PETITION_FIELDS)[number];

/** Every control of the form in order: the attachments (not part of the API) follow the place. */
export const PETITION_CONTROLS: readonly string[] = PETITION_FIELDS.flatMap((field) =>
	field === 'municipality' ? [field, 'attachments'] : [field]
);
