import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

// The boundaries ARCHITECTURE.md states. Tests may cross them (a spec drives a route, say).
const SVELTEKIT = {
	group: ['@sveltejs/kit', '@sveltejs/kit/*', '$app/*'],
	message:
		'Services know nothing of HTTP or SvelteKit: put cookies, redirects and request glue in src/lib/server/web.'
};
const HTTP_AND_WEB = {
	regex: '(^|/)(server/)?(http|web)/',
	message:
		'Services raise DomainError (src/lib/server/errors.ts); src/lib/server/http and src/lib/server/web turn it into answers, not the other way round.'
};
const WEB = {
	regex: '(^|/)(server/)?web/',
	message:
		'src/lib/server/http speaks HTTP without SvelteKit; the SvelteKit glue in web/ builds on it.'
};
const SERVER = {
	regex: '(^\\$lib/server|(^|/)server)(/|$)',
	message:
		'This code also runs in the browser (or is a pure rule): it may not import src/lib/server, except its types.',
	allowTypeImports: true
};
const boundary = (files, patterns, ignores = []) => ({
	files,
	ignores: ['**/*.spec.ts', ...ignores],
	rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns }] }
});

export default ts.config(
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	{
		languageOptions: { globals: { ...globals.browser, ...globals.node } }
	},
	{
		files: ['**/*.svelte', '**/*.svelte.ts', '**/*.svelte.js'],
		languageOptions: {
			parserOptions: {
				projectService: true,
				extraFileExtensions: ['.svelte'],
				parser: ts.parser,
				svelteConfig
			}
		}
	},
	{
		rules: {
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
			// The app is always served at the root (no base path), so plain hrefs are correct.
			'svelte/no-navigation-without-resolve': 'off'
		}
	},
	boundary(['src/lib/server/http/**/*.ts'], [SVELTEKIT, WEB]),
	boundary(
		['src/lib/server/**/*.ts'],
		[SVELTEKIT, HTTP_AND_WEB],
		['src/lib/server/web/**', 'src/lib/server/http/**']
	),
	boundary(['src/lib/domain/**/*.ts'], [SVELTEKIT, { ...SERVER, allowTypeImports: false }]),
	boundary(
		[
			'src/lib/**/*.svelte',
			'src/lib/**/*.svelte.ts',
			'src/routes/**/*.svelte',
			'src/routes/**/+page.ts',
			'src/routes/**/+layout.ts',
			'src/lib/components/**/*.ts',
			'src/lib/offline/**/*.ts',
			'src/lib/scripts/**/*.ts',
			'src/lib/content/**/*.ts',
			'src/lib/config/**/*.ts',
			'src/service-worker/**/*.ts'
		],
		[SERVER]
	),
	{
		ignores: [
			'build/',
			'.svelte-kit/',
			'node_modules/',
			'data/',
			'drizzle/',
			'test-results/',
			'playwright-report/',
			'bench/out/'
		]
	}
);
