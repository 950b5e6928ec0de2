import { recordings } from '../../recordings';
import type { Task } from '..';

/** Synthesises again the Spanish voice of texts changed in the content studio. */
export const task: Task = {
	name: 'audio-synthesis',
	async run(db) {
		await recordings.resynthesize(db);
	}
};
