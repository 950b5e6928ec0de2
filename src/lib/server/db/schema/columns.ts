import { timestamp } from 'drizzle-orm/pg-core';
import { clock } from '../../clock';

/**
 * A moment the app records. The SQL default stays for rows written by hand, but every insert
 * through drizzle takes the app's clock, so a test that sets the clock sees the same "now" in
 * every column and every rule.
 */
export function recordedAt(name: string) {
	return timestamp(name, { withTimezone: true })
		.notNull()
		.defaultNow()
		.$defaultFn(() => clock.now());
}
