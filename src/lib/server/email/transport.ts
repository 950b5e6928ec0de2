import nodemailer, { type Transporter } from 'nodemailer';
import { config, type ServerConfig } from '../config';

let transport: Transporter | null | undefined;

/**
 * An SMTP transport whose every wait is bounded: a relay that accepts the connection and never
 * answers costs `timeoutMs` per step, not nodemailer's defaults (2 minutes to connect, 10 to idle).
 */
export function createTransport(smtp: ServerConfig['smtp'] & { host: string }): Transporter {
	const { host, port, secure, user, password, timeoutMs } = smtp;
	return nodemailer.createTransport({
		host,
		port,
		secure,
		auth: user ? { user, pass: password } : undefined,
		// The worker sends one message after another: one kept-open connection saves a handshake
		// per message (several times the throughput after a backlog, such as an outage's).
		pool: true,
		maxConnections: 1,
		connectionTimeout: timeoutMs,
		greetingTimeout: timeoutMs,
		socketTimeout: timeoutMs,
		// Loopback test servers have no certificate; real servers should.
		tls: { rejectUnauthorized: !['127.0.0.1', 'localhost'].includes(host) }
	});
}

/** The SMTP transport from the environment, or null when no SMTP server is configured. */
export function smtpTransport(): Transporter | null {
	if (transport !== undefined) return transport;
	const { host } = config.smtp;
	transport = host ? createTransport({ ...config.smtp, host }) : null;
	return transport;
}
