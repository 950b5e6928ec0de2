/**
 * What a staff account may do; an account holds any set of them. `agent` works the agenda,
 * petitions and call-backs; `admin` does everything but `reserved` and manages accounts;
 * `translator` and `reviewer` write and approve Wayuunaiki; `editor` edits the content;
 * `reserved` may open the petitioner's data of a petition filed with reserved identity.
 */
export const STAFF_ROLES = [
	'agent',
	'admin',
	'translator',
	'reviewer',
	'editor',
	'reserved'
] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

/** Roles in the order of STAFF_ROLES, each once, unknown ones left out. */
export function rolesOf(roles: readonly string[]): StaffRole[] {
	return STAFF_ROLES.filter((role) => roles.includes(role));
}

/**
 * Whether an account may use a part of the console. `admin` may do what every other role does,
 * except open reserved identities: that needs `reserved` itself, granted on purpose.
 */
export function allows(roles: readonly StaffRole[], needed: StaffRole): boolean {
	if (roles.includes(needed)) return true;
	return needed !== 'reserved' && roles.includes('admin');
}
