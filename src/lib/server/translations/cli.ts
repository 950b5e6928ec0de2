import { percent } from '$lib/i18n/sheet';
import { config } from '../config';
import { connect, migrate } from '../db';
import { seed } from '../db/seed';
import { languagesCoverage } from '../languages';
import { live } from '../live';
import '../recordings';
import { coverage, type Counts } from '.';

/**
 * What `npm run i18n:coverage` prints: the same numbers the accessibility page and
 * GET /api/v1/languages publish, read from the database.
 */
export async function coverageReport(): Promise<string> {
	const handle = await connect();
	try {
		await migrate(handle, config.databaseUrl);
		await seed(handle.db);
		await live.load(handle.db);
		const { groups, interface: strings, content, all } = coverage();
		const line = (name: string, counts: Counts) => {
			const total = counts.reviewed + counts.draft + counts.missing;
			const share = (n: number) => `${percent(n, total).toFixed(1).padStart(5)}%`;
			return `  ${name.padEnd(20)} ${share(counts.reviewed)} reviewed ${share(counts.draft)} draft ${share(counts.missing)} missing  (${total} strings)`;
		};
		const guc = languagesCoverage().find((language) => language.code === 'guc')!;
		const es = languagesCoverage().find((language) => language.code === 'es')!;
		return [
			`Wayuunaiki (guc) coverage, from the ${handle.kind === 'postgres' ? 'PostgreSQL' : 'embedded'} database:`,
			...groups.map((group) => line(group.group, group.counts)),
			line('interface strings', strings),
			line('content fields', content),
			line('all', all),
			`Reviewed recordings: ${guc.recordedMinutes} min in Wayuunaiki, ${es.recordedMinutes} min in Spanish.`
		].join('\n');
	} finally {
		await handle.close();
	}
}
