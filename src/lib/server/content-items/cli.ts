import { readFileSync, writeFileSync } from 'node:fs';
import { config } from '../config';
import { connect, migrate } from '../db';
import { seed } from '../db/seed';
import { isDomainError } from '../errors';
import { contentStudio } from '.';

/**
 * `npm run content:export [-- file]` and `npm run content:import -- file`: the entity's content as
 * JSON, from and to the database (DATABASE_URL, or the embedded one in DATA_DIR: stop the app
 * first). Returns what to print.
 */
export async function contentCommand(command: string, file: string | undefined): Promise<string> {
	if (command === 'import' && !file) throw new Error('content:import needs a file: -- file.json');
	const handle = await connect();
	try {
		await migrate(handle, config.databaseUrl);
		await seed(handle.db);
		if (command === 'export') {
			const target = file ?? 'content.json';
			const exported = await contentStudio.export(handle.db);
			writeFileSync(target, `${JSON.stringify(exported, null, '\t')}\n`);
			return `content:export: ${exported.items.length} items written to ${target}.`;
		}
		let parsed: unknown;
		try {
			parsed = JSON.parse(readFileSync(file!, 'utf8'));
		} catch (error) {
			throw new Error(`content:import: ${file} is not readable JSON (${String(error)})`, {
				cause: error
			});
		}
		try {
			const { drafts, unchanged } = await contentStudio.import(handle.db, parsed);
			return `content:import: ${drafts} drafts for an editor to approve at /staff/contenido, ${unchanged} unchanged.`;
		} catch (error) {
			if (!isDomainError(error, 'VALIDATION_FAILED')) throw error;
			const fields = error.details.fields ?? [];
			throw new Error(
				[
					`content:import: nothing imported; ${fields.length} problem(s):`,
					...fields.map((field) => `  ${field.path}: ${field.message}`)
				].join('\n'),
				{ cause: error }
			);
		}
	} finally {
		await handle.close();
	}
}
