import { prune as pruneOutbox } from '../../email/outbox';
import { prune as pruneIdempotencyKeys } from '../../idempotency';
import { radicados } from '../../radicados';
import { rateLimit } from '../../rate-limit';
import type { Task } from '..';

/**
 * Drops what nobody needs any more and would otherwise grow for ever: emails past the retention
 * period (they hold personal data), remembered Idempotency-Keys and ended rate-limit windows, the
 * day marks of past morning alerts.
 * Expired staff sessions go in staff-retention. Each is one DELETE by the app's clock, so two
 * instances running it at once drop each row once.
 */
export const task: Task = {
	name: 'leftovers',
	async run(db) {
		await pruneOutbox(db);
		await pruneIdempotencyKeys(db);
		await rateLimit.prune(db);
		await radicados.pruneAlerts(db);
	}
};
