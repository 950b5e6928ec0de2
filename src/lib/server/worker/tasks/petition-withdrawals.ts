import { radicados } from '../../radicados';
import type { Task } from '..';

/** Closes as withdrawn the petitions not completed within a month of the request (art. 17). */
export const task: Task = {
	name: 'petition-withdrawals',
	async run(db) {
		await radicados.closeWithdrawn(db);
	}
};
