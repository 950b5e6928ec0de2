import type { Block } from './types';

export interface CharterSection {
	/** Stable id: the section's anchor, and later the name of its audio file. */
	id: 'derechos' | 'deberes' | 'deberes-de-la-entidad' | 'canales';
	block: Block<{ title: string; intro: string; items: string[] }>;
}

export interface Charter {
	/** Demo text: an entity replaces it with its own charter. */
	demo: boolean;
	version: string;
	/** Bogotá dates, both included. */
	validFrom: string;
	validUntil: string;
	/** "En pocas palabras": the main message first. */
	summary: Block<{ title: string; items: string[] }>;
	sections: CharterSection[];
}

/**
 * The carta de trato digno (Ley 1437 de 2011, articles 5 to 7), written in plain Spanish.
 * The channels section lists its items from the channels content, so its items stay empty here.
 */
export const charter: Charter = {
	demo: true,
	version: '2026.1',
	validFrom: '2026-01-15',
	validUntil: '2027-01-14',
	summary: {
		es: {
			title: 'En pocas palabras',
			items: [
				'Usted puede pedirnos lo que necesite. No necesita abogado y no paga nada.',
				'Le respondemos a tiempo, con respeto y con palabras claras.',
				'Le pedimos que diga la verdad y que trate bien a quien le atiende.',
				'Puede hablar con nosotros en persona, por teléfono, por correo o en esta página.'
			]
		}
	},
	sections: [
		{
			id: 'derechos',
			block: {
				es: {
					title: 'Sus derechos',
					intro: 'Cuando usted acude a nosotros, tiene derecho a:',
					items: [
						'Pedir lo que necesite de palabra, por escrito o por internet. No necesita abogado.',
						'Saber en qué va su trámite en cualquier momento.',
						'Pedir copia de los papeles de su trámite.',
						'Recibir una respuesta clara y a tiempo.',
						'Ser tratado con respeto y con calma.',
						'Tener turno preferente si lo necesita. Por ejemplo, si es una persona mayor o tiene una discapacidad.',
						'También tienen turno preferente las mujeres embarazadas, los niños y las víctimas.',
						'Pedir cuentas a la entidad y a quienes trabajan en ella.',
						'Entregar papeles y pruebas. Le diremos cómo los tuvimos en cuenta.',
						'Pedir un intérprete si habla otra lengua, como el wayuunaiki.'
					]
				}
			}
		},
		{
			id: 'deberes',
			block: {
				es: {
					title: 'Sus deberes',
					intro: 'Para que podamos ayudarle, le pedimos que:',
					items: [
						'Cumpla la ley.',
						'Diga la verdad. No entregue papeles falsos.',
						'No use trucos para demorar un trámite.',
						'No repita un pedido que ya sabe que no se puede atender.',
						'Trate con respeto a quienes le atienden.'
					]
				}
			}
		},
		{
			id: 'deberes-de-la-entidad',
			block: {
				es: {
					title: 'Nuestros deberes',
					intro: 'Nosotros nos comprometemos a:',
					items: [
						'Tratar a todas las personas con respeto y sin hacer diferencias.',
						'Atender en persona por lo menos 40 horas a la semana.',
						'Dar turnos en orden de llegada, con prioridad para quien la necesita.',
						'Publicar esta carta y ponerla al día cada año.',
						'Recibir peticiones por internet y por todos los demás canales.',
						'Ayudar a quien no usa internet a hacer sus trámites de otra forma.',
						'Tener un lugar cómodo para que usted revise sus papeles.',
						'Tener un equipo que atienda las quejas y los reclamos.'
					]
				}
			}
		},
		{
			id: 'canales',
			block: {
				es: {
					title: 'Cómo hablar con nosotros',
					intro: 'Puede buscarnos de seis formas. Elija la que le quede más fácil.',
					items: []
				}
			}
		}
	]
};
