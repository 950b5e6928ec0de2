/**
 * Structured logs, one JSON object a line. Callers pass only operational fields (ids, routes,
 * statuses, timings, error classes): never names, documents, emails, phones, codes or tokens.
 */
type Fields = Record<string, string | number | boolean | null | undefined>;

function write(level: 'info' | 'warn' | 'error', message: string, fields: Fields): void {
	const line = JSON.stringify({ time: new Date().toISOString(), level, msg: message, ...fields });
	if (level === 'error') process.stderr.write(line + '\n');
	else process.stdout.write(line + '\n');
}

export const log = {
	info: (message: string, fields: Fields = {}) => write('info', message, fields),
	warn: (message: string, fields: Fields = {}) => write('warn', message, fields),
	error: (message: string, fields: Fields = {}) => write('error', message, fields)
};

/** What may be logged of an error: its class and code, not its message (which can echo input). */
export function errorFields(error: unknown): Fields {
	if (error instanceof Error) {
		const code = (error as { code?: unknown }).code;
		return { error: error.name, errorCode: typeof code === 'string' ? code : undefined };
	}
	return { error: typeof error };
}
