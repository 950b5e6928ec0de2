import nodemailer, { type Transporter } from 'nodemailer';
import { config } from '../config';

let transport: Transporter | null | undefined;

/** The SMTP transport from the environment, or null when no SMTP server is configured. */
export function smtpTransport(): Transporter | null {
	if (transport !== undefined) return transport;
	const { host, port, secure, user, password } = config.smtp;
	transport = host
		? nodemailer.createTransport({
				host,
				port,
				secure,
				auth: user ? { user, pass: password } : undefined,
				// Loopback test servers have no certificate; real servers should.
				tls: { rejectUnauthorized: !['127.0.0.1', 'localhost'].includes(host) }
			})
		: null;
	return transport;
}
