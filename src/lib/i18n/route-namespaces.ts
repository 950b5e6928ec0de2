// Which translation namespaces a page's script needs in the browser, by the first segment of its
// route after the language. Pages not listed get every namespace (correct, only heavier); content
// pages ship no script (csr = false), so their entries only decide what the server renders with.
// route-namespaces.spec.ts checks that every namespace a route folder names is listed here.

/** Used by the layout, the update prompt, forms and error pages: sent with every page. */
export const SHARED_NAMESPACES = ['common', 'offline', 'forms', 'validation', 'errors', 'problems'];

export const ROUTE_NAMESPACES: Record<string, string[]> = {
	'': ['home'],
	'carta-de-trato-digno': ['charter', 'audio'],
	servicios: ['services', 'audio'],
	contacto: ['channels'],
	glosario: ['glossary'],
	accesibilidad: ['accessibility'],
	privacidad: ['privacy'],
	indicadores: ['indicators', 'pqrsd'],
	citas: ['booking', 'audio', 'calls'],
	pqrsd: ['pqrsd', 'audio', 'surveys'],
	radicado: ['radicado', 'pqrsd', 'surveys', 'audio'],
	'te-llamamos': ['callbacks', 'surveys'],
	encuesta: ['surveys'],
	'sin-conexion': ['home'],
	audios: ['audio']
};

/** The namespaces of a route id such as `/[lang=locale]/citas/datos`; undefined means all of them. */
export function routeNamespaces(routeId: string | null): string[] | undefined {
	if (routeId === null) return SHARED_NAMESPACES;
	const match = /^\/\[lang=locale\](?:\/([^/]+))?/.exec(routeId);
	if (!match) return undefined;
	const own = ROUTE_NAMESPACES[match[1] ?? ''];
	return own ? [...SHARED_NAMESPACES, ...own] : undefined;
}
