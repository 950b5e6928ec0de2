// `npm run i18n:coverage`: the share of Wayuunaiki strings reviewed, draft and missing, per locale
// namespace and per kind of content block (content:carta, content:servicio, …).
import { i18nModules } from './i18n-modules.js';

const { files, sheet, sources } = await i18nModules();
const strings = files.sourceStrings(process.cwd(), sources);
const rows = sheet.coverage(strings);
const line = (group, c) => {
	const all = c.reviewed + c.draft + c.missing;
	const pct = (n) => `${sheet.percent(n, all).toFixed(1).padStart(5)}%`;
	return `  ${group.padEnd(20)} ${pct(c.reviewed)} reviewed ${pct(c.draft)} draft ${pct(c.missing)} missing  (${all} strings)`;
};
console.log('Wayuunaiki (guc) coverage:');
for (const row of rows) console.log(line(row.group, row));
const sum = (pick) =>
	rows.filter(pick).reduce(
		(total, c) => ({
			reviewed: total.reviewed + c.reviewed,
			draft: total.draft + c.draft,
			missing: total.missing + c.missing
		}),
		{ reviewed: 0, draft: 0, missing: 0 }
	);
console.log(
	line(
		'interface strings',
		sum((row) => !row.group.startsWith('content:'))
	)
);
console.log(
	line(
		'content fields',
		sum((row) => row.group.startsWith('content:'))
	)
);
console.log(
	line(
		'all',
		sum(() => true)
	)
);
