// `npm run i18n:coverage`: the share of Wayuunaiki texts reviewed, draft and missing, per
// namespace and per kind of content, and the minutes of reviewed recordings, read from the
// database (DATABASE_URL, or the embedded one in DATA_DIR: stop the app first) — the numbers the
// accessibility page and GET /api/v1/languages publish.
import { withServerModule } from './server-module.js';

await withServerModule('/src/lib/server/translations/cli.ts', ({ coverageReport }) =>
	coverageReport()
);
