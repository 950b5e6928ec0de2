import { simpleParser, type ParsedMail } from 'mailparser';
import nodemailer, { type Transporter } from 'nodemailer';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface Mailbox {
	messages: ParsedMail[];
	transport: Transporter;
	/** Makes the server refuse the next `count` messages, as a failing relay would. */
	refuseNext(count: number): void;
	close(): Promise<void>;
}

/** A real SMTP server on loopback that keeps every message it accepts, parsed. */
export async function startMailbox(): Promise<Mailbox> {
	const messages: ParsedMail[] = [];
	let refusals = 0;
	const server = new SMTPServer({
		authOptional: true,
		disabledCommands: ['STARTTLS'],
		logger: false,
		onData(stream, _session, callback) {
			if (refusals > 0) {
				refusals -= 1;
				stream.resume();
				stream.on('end', () =>
					callback(Object.assign(new Error('try later'), { responseCode: 451 }))
				);
				return;
			}
			simpleParser(stream)
				.then((mail) => {
					messages.push(mail);
					callback();
				})
				.catch(callback);
		}
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.server.address() as AddressInfo;
	const transport = nodemailer.createTransport({
		host: '127.0.0.1',
		port,
		secure: false,
		ignoreTLS: true
	});
	return {
		messages,
		transport,
		refuseNext(count) {
			refusals = count;
		},
		close: () =>
			new Promise<void>((resolve) => {
				transport.close();
				server.close(() => resolve());
			})
	};
}
