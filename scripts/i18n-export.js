// `npm run i18n:export [-- file.csv]`: writes the Wayuunaiki translators' sheet (default
// i18n/wayuunaiki.csv): key, Spanish source, current Wayuunaiki, state, context note, audio needed.
import { i18nModules } from './i18n-modules.js';

const { files, sources } = await i18nModules();
const file = process.argv[2] ?? files.SHEET_FILE;
const count = files.exportSheet(process.cwd(), sources, file);
console.log(`i18n:export: ${count} strings written to ${file}.`);
