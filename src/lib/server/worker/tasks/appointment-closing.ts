import { agenda } from '../../staff/agenda';
import type { Task } from '..';

/** Closes as no-shows the appointments nobody marked 30 minutes after their start. */
export const task: Task = {
	name: 'appointment-closing',
	async run(db) {
		await agenda.closeStale(db);
	}
};
