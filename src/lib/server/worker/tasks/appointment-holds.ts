import { appointments } from '../../appointments';
import type { Task } from '..';

/** Gives back the places of bookings nobody confirmed through the emailed link in time. */
export const task: Task = {
	name: 'appointment-holds',
	async run(db) {
		await appointments.expireHolds(db);
	}
};
