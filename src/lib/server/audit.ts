import { clock } from './clock';
import type { Database } from './db';
import { auditLog } from './db/schema';
import type { Transaction } from './idempotency';

export interface AuditEntry {
	/** Who: an official's email, "worker", "cli" or "citizen". */
	actor: string;
	/** What, as "<aggregate>.<verb>", e.g. "appointment.no_show". */
	action: string;
	/** Which record: a reference, a radicado number, an account's email, an id. */
	subject: string;
	data?: Record<string, unknown>;
}

/** Records a staff or worker change, at the app's "now", in the caller's transaction. */
export async function audit(tx: Transaction | Database, entry: AuditEntry): Promise<void> {
	await tx.insert(auditLog).values({ ...entry, data: entry.data ?? {}, at: clock.now() });
}
