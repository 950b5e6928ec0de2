import { unavailable, type Database } from '../db';
import { errorFields, log } from '../log';

export interface Task {
	name: string;
	run(db: Database): Promise<void>;
}

// Each file in ./tasks exports `task`; new jobs join the loop by adding a file.
const modules = import.meta.glob<{ task: Task }>('./tasks/*.ts', { eager: true });
export const tasks: Task[] = Object.values(modules).map((module) => module.task);

let stopping = false;
let paused = false;

/**
 * Runs every task once; a failing task is logged and does not stop the others. While the database
 * is unavailable the round ends at the first task that finds it so (logged once, not every round):
 * each task keeps its place in the database, so the next round after it returns resumes there.
 */
export async function tick(db: Database): Promise<void> {
	for (const task of tasks) {
		if (stopping) return;
		try {
			await task.run(db);
		} catch (error) {
			if (unavailable(error)) {
				if (!paused) log.warn('worker waits for the database', { task: task.name });
				paused = true;
				return;
			}
			log.error('worker task failed', { task: task.name, ...errorFields(error) });
		}
	}
	if (paused) log.info('worker resumes: the database is back');
	paused = false;
}

let timer: NodeJS.Timeout | undefined;
let round: Promise<void> | undefined;

/** The one background loop of an app instance; safe to run in many instances at once. */
export function start(db: Database, intervalMs: number): void {
	if (timer) return;
	stopping = false;
	timer = setInterval(() => {
		if (round) return;
		round = tick(db).finally(() => {
			round = undefined;
		});
	}, intervalMs);
	timer.unref();
}

/** Stops the loop; resolves once the task under way, if any, has finished. */
export async function stop(): Promise<void> {
	clearInterval(timer);
	timer = undefined;
	stopping = true;
	await round;
}
