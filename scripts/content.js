// `npm run content:export [-- file.json]` writes the entity's published content (charter, services,
// channels, glossary) as JSON; `npm run content:import -- file.json` reads such a file into another
// installation through the studio's schemas, as drafts for an editor to approve. Both use the
// database of DATABASE_URL, or the embedded one in DATA_DIR (stop the app first).
import { withServerModule } from './server-module.js';

const [command, file] = process.argv.slice(2);
if (command !== 'export' && command !== 'import') {
	console.error('Usage: node scripts/content.js export [file.json] | import file.json');
	process.exit(2);
}
await withServerModule('/src/lib/server/content-items/cli.ts', ({ contentCommand }) =>
	contentCommand(command, file)
);
