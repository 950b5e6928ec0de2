import { callbacks } from '../../engagement/callbacks';
import { staff } from '../../staff';
import type { Task } from '..';

/**
 * Erases call-back requests' personal data after the retention period and drops expired staff
 * sessions. Petitions are not purged here: they are public records kept under the entity's
 * archive rules (tablas de retención documental, Ley 594 de 2000).
 */
export const task: Task = {
	name: 'staff-retention',
	async run(db) {
		await callbacks.anonymise(db);
		await staff.prune(db);
	}
};
