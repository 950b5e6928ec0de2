import { appointments } from '../../appointments';
import type { Task } from '..';

/** Erases appointments' personal data once the retention period has passed. */
export const task: Task = {
	name: 'appointment-retention',
	async run(db) {
		await appointments.anonymise(db);
	}
};
