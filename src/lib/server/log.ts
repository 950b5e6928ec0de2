/**
 * Structured logs, one JSON object a line. Callers pass only operational fields (ids, routes,
 * statuses, timings, error classes): never names, documents, emails, phones, codes or tokens.
 */
type Fields = Record<string, string | number | boolean | null | undefined>;
type Level = 'info' | 'warn' | 'error';

const RANK: Record<Level, number> = { info: 0, warn: 1, error: 2 };

/**
 * LOG_LEVEL (info, warn or error; info when unset or unknown): `warn` drops the line per request,
 * which under a rush costs a system call per request for lines nobody reads.
 */
function levelOf(setting: string | undefined): Level {
	return setting === 'warn' || setting === 'error' ? setting : 'info';
}

const threshold = RANK[levelOf(process.env.LOG_LEVEL)];

function write(level: Level, message: string, fields: Fields): void {
	if (RANK[level] < threshold) return;
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
