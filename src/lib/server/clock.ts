import { config } from './config';

let frozen: Date | undefined;

/**
 * The app's idea of "now". Rules that depend on time (notice, the 5-minute wait, due dates) read
 * it from here so tests can set it; only the test mode can change it.
 */
export const clock = {
	now(): Date {
		return frozen ? new Date(frozen) : new Date();
	},
	set(instant: Date | undefined): void {
		if (!config.testMode && process.env.VITEST !== 'true') {
			throw new Error('The clock can only be set in test mode');
		}
		frozen = instant;
	}
};
