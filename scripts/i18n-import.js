// `npm run i18n:import -- file.csv`: validates a translators' sheet and, when it has no errors,
// writes locales/guc/*.json, locales/guc.review.json and i18n/wayuunaiki-content.json.
import { i18nModules } from './i18n-modules.js';

const { files, sources } = await i18nModules();
const file = process.argv[2] ?? files.SHEET_FILE;
const result = files.importSheet(process.cwd(), sources, file);
for (const warning of result.warnings) console.warn(`  ! ${warning}`);
if (result.normalised.length) {
	console.log(`  glottal stop written as ' (U+0027) in ${result.normalised.length} string(s).`);
}
if (!result.written) {
	console.error(`i18n:import: ${file} has ${result.errors.length} error(s); nothing was written.`);
	for (const error of result.errors) console.error(`  - ${error}`);
	process.exit(1);
}
console.log(
	`i18n:import: ${result.translations.size} Wayuunaiki strings in ${file}; locale files written. Run npm run i18n:coverage.`
);
