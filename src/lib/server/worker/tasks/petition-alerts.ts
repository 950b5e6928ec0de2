import { radicados } from '../../radicados';
import type { Task } from '..';

/** Each business morning, one email per dependency with its urgent petitions (once per day). */
export const task: Task = {
	name: 'petition-alerts',
	async run(db) {
		await radicados.sendMorningAlerts(db);
	}
};
