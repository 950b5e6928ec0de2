import type { Database } from '../db';
import { errorFields, log } from '../log';

export interface Task {
	name: string;
	run(db: Database): Promise<void>;
}

// Each file in ./tasks exports `task`; new jobs join the loop by adding a file.
const modules = import.meta.glob<{ task: Task }>('./tasks/*.ts', { eager: true });
export const tasks: Task[] = Object.values(modules).map((module) => module.task);

/** Runs every task once; a failing task is logged and does not stop the others. */
export async function tick(db: Database): Promise<void> {
	for (const task of tasks) {
		try {
			await task.run(db);
		} catch (error) {
			log.error('worker task failed', { task: task.name, ...errorFields(error) });
		}
	}
}

let timer: NodeJS.Timeout | undefined;

/** The one background loop of an app instance; safe to run in many instances at once. */
export function start(db: Database, intervalMs: number): void {
	if (timer) return;
	let running = false;
	timer = setInterval(async () => {
		if (running) return;
		running = true;
		await tick(db).finally(() => {
			running = false;
		});
	}, intervalMs);
	timer.unref();
}
