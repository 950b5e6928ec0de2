import { entity } from '$lib/config/entity';
import type { Availability } from '$lib/domain/open-now';
import type { Block } from './types';

export type ChannelId =
	| 'presencial'
	| 'telefono'
	| 'correo-electronico'
	| 'formulario-web'
	| 'te-llamamos'
	| 'correspondencia';

export interface Channel {
	id: ChannelId;
	/** Demo data: an entity replaces addresses, numbers and hours with its own. */
	demo: boolean;
	availability: Availability;
	contact: {
		address?: string;
		city?: string;
		phones?: string[];
		email?: string;
		/** A page of this app, under /{lang}/. */
		page?: 'pqrsd' | 'te-llamamos';
	};
	block: Block<{
		name: string;
		/** What the channel is good for, the main message first. */
		goodFor: string;
		/** One label per phone number, in the same order. */
		phoneLabels?: string[];
		/** When the channel receives at any hour but answers on business days, say so. */
		note?: string;
	}>;
}

const businessDays = [1, 2, 3, 4, 5];

export const channels: Channel[] = [
	{
		id: 'presencial',
		demo: true,
		availability: { days: businessDays, opens: '08:30', closes: '16:30', closedOnHolidays: true },
		contact: { address: entity.contact.address, city: entity.contact.city },
		block: {
			es: {
				name: 'En persona',
				goodFor:
					'Sirve para hablar cara a cara y entregar papeles. Si necesita turno preferente, dígalo al llegar.'
			}
		}
	},
	{
		id: 'telefono',
		demo: true,
		availability: {
			days: entity.officeHours.days,
			opens: entity.officeHours.opens,
			closes: entity.officeHours.closes,
			closedOnHolidays: true
		},
		contact: { phones: [entity.contact.phone, entity.contact.tollFree] },
		block: {
			es: {
				name: 'Por teléfono',
				goodFor: 'Sirve para dudas rápidas y para saber en qué va su petición.',
				phoneLabels: ['Línea en Bogotá', 'Línea gratis desde todo el país']
			}
		}
	},
	{
		id: 'correo-electronico',
		demo: true,
		availability: { always: true },
		contact: { email: entity.contact.email },
		block: {
			es: {
				name: 'Por correo electrónico',
				goodFor: 'Sirve para mandar su pedido y sus papeles.',
				note: 'Recibimos correos a toda hora. Los leemos en días hábiles.'
			}
		}
	},
	{
		id: 'formulario-web',
		demo: true,
		availability: { always: true },
		contact: { page: 'pqrsd' },
		block: {
			es: {
				name: 'Formulario en esta página',
				goodFor:
					'Sirve para hacer una petición, queja o reclamo. Recibe su número de radicado al instante.',
				note: 'Está abierto todo el día. Lo leemos en días hábiles.'
			}
		}
	},
	{
		id: 'te-llamamos',
		demo: true,
		availability: { always: true },
		contact: { page: 'te-llamamos' },
		block: {
			es: {
				name: 'Le llamamos',
				goodFor:
					'Sirve si no pudo comunicarse o si habla wayuunaiki. Deje su número y le llamamos.',
				note: 'Puede pedir la llamada a toda hora. Llamamos en días hábiles.'
			}
		}
	},
	{
		id: 'correspondencia',
		demo: true,
		availability: { days: businessDays, opens: '08:00', closes: '16:00', closedOnHolidays: true },
		contact: { address: entity.contact.address, city: entity.contact.city },
		block: {
			es: {
				name: 'Por correo postal',
				goodFor: 'Sirve para enviar cartas y papeles en físico. Le damos un radicado al recibirlos.'
			}
		}
	}
];

/** A map search for an address: a plain link, so it works without JavaScript. */
export function mapUrl(address: string, city: string): string {
	return `https://www.openstreetmap.org/search?query=${encodeURIComponent(`${address}, ${city}, Colombia`)}`;
}
