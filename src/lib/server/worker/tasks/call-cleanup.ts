import { calls } from '../../calls';
import type { Task } from '..';

/** Drops the signals of calls that ended, and join logs once the appointment's data is erased. */
export const task: Task = {
	name: 'call-cleanup',
	async run(db) {
		await calls.purge(db);
		await calls.forget(db);
	}
};
