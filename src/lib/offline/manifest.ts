import type { Locale } from '$lib/i18n/locales';
import type { Translator } from '$lib/i18n/translator';

/** The colours of the installed app: the brand blue bar over a white page. */
export const THEME_COLOR = '#0b4f8a';
export const BACKGROUND_COLOR = '#ffffff';

const ICONS = [
	{ src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
	{ src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
	{ src: '/icons/icon-maskable-192.png', sizes: '192x192', type: 'image/png', purpose: 'maskable' },
	{ src: '/icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
	{ src: '/icons/icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' }
];

const SHORTCUTS = [
	{ path: 'citas', key: 'appointments' },
	{ path: 'radicado', key: 'lookup' }
] as const;

/** The web app manifest of one language: installing from a Wayuunaiki page opens Wayuunaiki. */
export function webManifest(lang: Locale, i18n: Translator) {
	return {
		id: `/${lang}`,
		name: i18n.t('offline:manifest.name'),
		short_name: i18n.t('offline:manifest.shortName'),
		description: i18n.t('offline:manifest.description'),
		// The language of the app it installs: the one its pages open in, as the system lists it.
		lang,
		dir: 'ltr',
		start_url: `/${lang}`,
		scope: '/',
		display: 'standalone',
		orientation: 'any',
		theme_color: THEME_COLOR,
		background_color: BACKGROUND_COLOR,
		categories: ['government'],
		icons: ICONS,
		shortcuts: SHORTCUTS.map(({ path, key }) => ({
			name: i18n.t(`offline:manifest.shortcuts.${key}`),
			url: `/${lang}/${path}`,
			icons: [ICONS[0]]
		}))
	};
}
