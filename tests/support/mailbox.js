// A real SMTP server on loopback for the journeys: it keeps every message it accepts and shows
// them over HTTP (GET /messages, DELETE /messages) so tests can read what a citizen received.
import { createServer } from 'node:http';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

const smtpPort = Number(process.env.E2E_SMTP_PORT ?? 2525);
const httpPort = Number(process.env.E2E_MAILBOX_PORT ?? 2526);
let messages = [];

const smtp = new SMTPServer({
	authOptional: true,
	disabledCommands: ['STARTTLS'],
	logger: false,
	onData(stream, _session, callback) {
		simpleParser(stream)
			.then((mail) => {
				messages.push({
					to: mail.to
						? [mail.to]
								.flat()
								.map((a) => a.text)
								.join(', ')
						: '',
					subject: mail.subject ?? '',
					text: mail.text ?? '',
					html: typeof mail.html === 'string' ? mail.html : '',
					attachments: mail.attachments.map((a) => ({
						filename: a.filename,
						contentType: a.contentType,
						content: a.content.toString('utf8')
					}))
				});
				callback();
			})
			.catch(callback);
	}
});
smtp.listen(smtpPort, '127.0.0.1');

createServer((request, response) => {
	if (request.method === 'DELETE') messages = [];
	response.setHeader('content-type', 'application/json');
	response.end(JSON.stringify(request.url === '/health' ? { ok: true } : messages));
}).listen(httpPort, '127.0.0.1');
