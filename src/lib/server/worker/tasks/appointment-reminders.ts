import { appointments } from '../../appointments';
import type { Task } from '..';

/** Queues the day-before reminders; each appointment is marked, so it is reminded once. */
export const task: Task = {
	name: 'appointment-reminders',
	async run(db) {
		await appointments.remind(db);
	}
};
