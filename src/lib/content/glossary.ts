import type { Block } from './types';

export interface GlossaryEntry {
	/** Stable anchor on the glossary page: /{lang}/glosario#{id}. */
	id: string;
	/** The acronym this entry expands, as written in the text ("PQRSD"). */
	acronym?: string;
	block: Block<{ term: string; definition: string }>;
}

/** Words of public administration and every acronym the content uses, in plain Spanish. */
export const glossary: GlossaryEntry[] = [
	{
		id: 'dias-habiles',
		block: {
			es: {
				term: 'días hábiles',
				definition:
					'Son los días de lunes a viernes en que la entidad trabaja. No cuentan los sábados, los domingos ni los días festivos.'
			}
		}
	},
	{
		id: 'glp',
		acronym: 'GLP',
		block: {
			es: {
				term: 'gas licuado de petróleo',
				definition:
					'Es el gas que se vende en cilindros o pipetas. Muchas casas lo usan para cocinar donde no llega el gas por tubo.'
			}
		}
	},
	{
		id: 'gnv',
		acronym: 'GNV',
		block: {
			es: {
				term: 'gas natural vehicular',
				definition:
					'Es el gas natural que usan algunos carros en lugar de gasolina. Para usarlo, el carro debe pasar por una conversión en un taller autorizado.'
			}
		}
	},
	{
		id: 'opa',
		acronym: 'OPA',
		block: {
			es: {
				term: 'otro procedimiento administrativo',
				definition:
					'Es un servicio que usted puede pedir si quiere, pero que ninguna ley le exige. Por ejemplo, pedir una copia o una charla.'
			}
		}
	},
	{
		id: 'pqrsd',
		acronym: 'PQRSD',
		block: {
			es: {
				term: 'peticiones, quejas, reclamos, sugerencias y denuncias',
				definition:
					'Son todas las formas de pedir algo a la entidad o de decirle lo que piensa. Todas reciben un número de radicado.'
			}
		}
	},
	{
		id: 'radicado',
		block: {
			es: {
				term: 'radicado',
				definition:
					'Es el número que recibe su petición cuando llega a la entidad. Con él puede ver en qué va. Tiene esta forma: 1-2026-000123.'
			}
		}
	},
	{
		id: 'termino-legal',
		block: {
			es: {
				term: 'término legal',
				definition:
					'Es el tiempo máximo que la ley nos da para responderle. Se cuenta en días hábiles desde el día siguiente a su petición.'
			}
		}
	},
	{
		id: 'tramite',
		block: {
			es: {
				term: 'trámite',
				definition:
					'Son los pasos que una ley le pide seguir para obtener algo de la entidad. Por ejemplo, un permiso o un subsidio.'
			}
		}
	}
];

/** The expansion of each acronym, for `<abbr title>` and the content check. */
export function acronymExpansions(): Map<string, string> {
	return new Map(
		glossary.flatMap((entry) => (entry.acronym ? [[entry.acronym, entry.block.es.term]] : []))
	);
}
