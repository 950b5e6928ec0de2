import { sendDue } from '../../email/outbox';
import { smtpTransport } from '../../email/transport';
import type { Task } from '..';

export const task: Task = {
	name: 'send-email',
	async run(db) {
		const transport = smtpTransport();
		if (transport) await sendDue(db, transport);
	}
};
