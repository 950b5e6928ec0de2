import { radicados } from '../../radicados';
import type { Task } from '..';

/** Once a day, vacuums the petitions so the queue keeps counting from its index alone. */
export const task: Task = {
	name: 'petition-upkeep',
	async run(db) {
		await radicados.vacuumPetitions(db);
	}
};
