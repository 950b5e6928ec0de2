import { appointments } from '../../appointments';
import type { Task } from '..';

/** Closes as no-shows the appointments nobody marked 30 minutes after their start. */
export const task: Task = {
	name: 'appointment-closing',
	async run(db) {
		await appointments.closeStale(db);
	}
};
