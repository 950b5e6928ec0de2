// Relative imports: the service worker searches the same portfolio with the same rules offline.
import { searchOver, type Search } from '../domain/search';
import type { Locale } from '../i18n/locales';
import { services, type Segment } from './services';
import { resolve } from './types';

const searches = new Map<Locale, Search>();

/** The portfolio's search in one language; a service is also found by its Spanish words. */
function searchIn(lang: Locale): Search {
	let search = searches.get(lang);
	if (!search) {
		search = searchOver(
			services.map((service) => {
				const blocks = [service.block.es, resolve(service.block, lang).text];
				return {
					id: service.slug,
					title: blocks.map((block) => block.name).join(' '),
					body: blocks
						.flatMap((block) => [
							block.summary,
							block.who,
							...block.requirements,
							...block.steps,
							...block.keywords
						])
						.join(' ')
				};
			})
		);
		searches.set(lang, search);
	}
	return search;
}

/** Forgets the built searches: the portfolio changed (the content studio published a service). */
export function resetSearches(): void {
	searches.clear();
}

export interface ServicesFound {
	/** The slugs of the services found, best first. */
	slugs: string[];
	/** "¿Quiso decir…?": a close query that finds something, when this one finds nothing. */
	suggestion: string | undefined;
}

/** The services that match what a person typed (misspellings forgiven), within a segment. */
export function findServices(lang: Locale, q: string, segment?: Segment): ServicesFound {
	const search = searchIn(lang);
	const inSegment = new Set(
		services
			.filter((service) => !segment || service.segments.includes(segment))
			.map((service) => service.slug)
	);
	const slugs = search.find(q).filter((slug) => inSegment.has(slug));
	return { slugs, suggestion: slugs.length === 0 ? search.suggest(q) : undefined };
}
