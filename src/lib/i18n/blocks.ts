import { charter } from '$lib/content/charter';
import { channels } from '$lib/content/channels';
import { glossary } from '$lib/content/glossary';
import { services } from '$lib/content/services';
import type { Block } from '$lib/content/types';

/** A content block as translators see it: a stable key, where it shows, whether it has audio. */
export interface ContentBlock {
	/** `carta.derechos`, `servicio.{slug}`, `canal.{id}`, `glosario.{id}`; audio ids reuse them. */
	key: string;
	context: string;
	/** A Wayuunaiki recording of the block is wanted (the block has an audio version). */
	audio: boolean;
	block: Block<Record<string, unknown>>;
}

type AnyBlock = Block<Record<string, unknown>>;

/** Every block of content the pages show, in the order of the site. */
export function contentBlocks(): ContentBlock[] {
	return [
		{
			key: 'carta.en-pocas-palabras',
			context: 'Carta de trato digno: resumen al inicio',
			audio: true,
			block: charter.summary as unknown as AnyBlock
		},
		...charter.sections.map((section) => ({
			key: `carta.${section.id}`,
			context: 'Carta de trato digno: una sección',
			audio: true,
			block: section.block as unknown as AnyBlock
		})),
		...services.map((service) => ({
			key: `servicio.${service.slug}`,
			context: 'Página de un servicio o trámite (keywords: palabras para el buscador)',
			audio: true,
			block: service.block as unknown as AnyBlock
		})),
		...channels.map((channel) => ({
			key: `canal.${channel.id}`,
			context: 'Canal de atención (página de contacto y carta)',
			audio: false,
			block: channel.block as unknown as AnyBlock
		})),
		...glossary.map((entry) => ({
			key: `glosario.${entry.id}`,
			context: 'Glosario: una palabra y su explicación',
			audio: false,
			block: entry.block as unknown as AnyBlock
		}))
	];
}
