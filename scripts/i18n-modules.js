// Loads the app's TypeScript modules the Wayuunaiki scripts need (content blocks, the keys the
// audio instructions read, the sheet's reader and writer) through Vite, as the app sees them.
import { createServer } from 'vite';

export async function i18nModules() {
	const server = await createServer({
		server: { middlewareMode: true, hmr: false, watch: null },
		appType: 'custom',
		logLevel: 'error'
	});
	try {
		const files = await server.ssrLoadModule('/src/lib/i18n/sheet-files.ts');
		const sheet = await server.ssrLoadModule('/src/lib/i18n/sheet.ts');
		const { contentBlocks } = await server.ssrLoadModule('/src/lib/i18n/blocks.ts');
		const { INSTRUCTIONS } = await server.ssrLoadModule('/src/lib/audio/catalogue.ts');
		const sources = {
			blocks: contentBlocks(),
			audioKeys: new Set(INSTRUCTIONS.flatMap((instruction) => instruction.keys))
		};
		return { files, sheet, sources };
	} finally {
		await server.close();
	}
}
