import type { PetitionType } from '$lib/domain/terms';
import type { ChannelId } from './channels';
import type { Block } from './types';

export const SEGMENTS = ['hogares', 'vehiculos', 'empresas', 'comunidades'] as const;
export type Segment = (typeof SEGMENTS)[number];

export interface Service {
	slug: string;
	/** Demo service: an entity replaces the whole list with its own portfolio. */
	demo: boolean;
	/** trámite: the law asks for it; opa: optional; servicio: information or help. */
	kind: 'tramite' | 'opa' | 'servicio';
	segments: Segment[];
	/** Offers "Pedir una cita" (/{lang}/citas?tema={slug}). */
	bookable: boolean;
	/** Maximum answer time in business days (Ley 1755 de 2015, art. 14); 0 means at once. */
	responseDays: number;
	/** Free of charge. */
	free: boolean;
	channels: ChannelId[];
	/** Where to start it online in this app, when it can be done here. */
	online?: 'pqrsd' | 'radicado';
	/** The kind of petition the form starts with for this service (default: a petición). */
	petitionType?: PetitionType;
	block: Block<{
		name: string;
		summary: string;
		who: string;
		requirements: string[];
		steps: string[];
		cost: string;
		/** Words people use that the text does not, so search finds the service. */
		keywords: string[];
	}>;
}

export const services: Service[] = [
	{
		slug: 'subsidio-de-gas-en-cilindro',
		demo: true,
		kind: 'tramite',
		segments: ['hogares', 'comunidades'],
		bookable: true,
		responseDays: 15,
		free: true,
		channels: ['presencial', 'telefono', 'formulario-web', 'te-llamamos'],
		online: 'pqrsd',
		block: {
			es: {
				name: 'Subsidio al gas en cilindro',
				summary:
					'El Estado paga una parte del GLP en cilindro. Así el gas para cocinar le sale más barato.',
				who: 'Hogares de estratos 1 y 2 en las zonas del país que no tienen gas por tubo.',
				requirements: [
					'Su cédula o documento de identidad.',
					'Un recibo de luz o de agua de su casa.',
					'Estar en el listado de hogares que da la alcaldía.'
				],
				steps: [
					'Pregunte en su alcaldía si su hogar está en el listado.',
					'Compre el cilindro con un distribuidor que tenga el subsidio.',
					'Muestre su cédula al comprar. El descuento sale en la factura.',
					'Si no le dieron el descuento, [haga un reclamo aquí](pqrsd?tipo=reclamo&servicio=subsidio-de-gas-en-cilindro).'
				],
				cost: 'Sin costo. El trámite es gratis.',
				keywords: ['pipeta', 'bombona', 'propano', 'descuento', 'cocina']
			}
		}
	},
	{
		slug: 'correccion-de-datos-de-conversion-a-gas',
		demo: true,
		kind: 'tramite',
		segments: ['vehiculos'],
		bookable: true,
		responseDays: 15,
		free: true,
		channels: ['presencial', 'telefono', 'correo-electronico', 'formulario-web'],
		online: 'pqrsd',
		block: {
			es: {
				name: 'Corregir los datos de la conversión de su carro a gas',
				summary:
					'Si su carro pasó a GNV y sus datos tienen un error, lo corregimos en el registro.',
				who: 'El dueño del carro o una persona con su permiso por escrito.',
				requirements: [
					'Su cédula.',
					'La tarjeta de propiedad del carro.',
					'El papel del taller que hizo la conversión.',
					'Un permiso firmado si usted no es el dueño.'
				],
				steps: [
					'Revise qué dato está mal: la placa, el dueño o la fecha.',
					'Envíe su pedido con los papeles por el formulario o por correo.',
					'Guarde su número de radicado.',
					'Le avisamos por correo cuando el dato quede bien.'
				],
				cost: 'Sin costo.',
				keywords: ['vehiculo', 'placa', 'taller', 'error', 'registro']
			}
		}
	},
	{
		slug: 'estado-de-una-peticion',
		demo: true,
		kind: 'servicio',
		segments: ['hogares', 'vehiculos', 'empresas', 'comunidades'],
		bookable: false,
		responseDays: 0,
		free: true,
		channels: ['telefono', 'correo-electronico', 'presencial'],
		online: 'radicado',
		block: {
			es: {
				name: 'Saber en qué va su petición',
				summary: 'Con su número de radicado puede ver en qué va su petición y cuándo vence.',
				who: 'Cualquier persona que tenga el número de radicado y su código.',
				requirements: ['El número de radicado.', 'El código que le dimos al radicar.'],
				steps: [
					'Entre a la página de consulta de radicado.',
					'Escriba el número y el código.',
					'Vea el estado, la fecha límite y las respuestas.'
				],
				cost: 'Sin costo.',
				keywords: ['radicado', 'seguimiento', 'consulta', 'estado', 'PQRSD']
			}
		}
	},
	{
		slug: 'informacion-general',
		demo: true,
		kind: 'servicio',
		segments: ['hogares', 'vehiculos', 'empresas', 'comunidades'],
		bookable: true,
		responseDays: 10,
		free: true,
		channels: [
			'presencial',
			'telefono',
			'correo-electronico',
			'formulario-web',
			'te-llamamos',
			'correspondencia'
		],
		online: 'pqrsd',
		petitionType: 'informacion',
		block: {
			es: {
				name: 'Pedir información',
				summary: 'Le contamos lo que quiera saber sobre el gas, la luz, la minería o el petróleo.',
				who: 'Cualquier persona. No tiene que decir para qué quiere la información.',
				requirements: ['Su pregunta.', 'Un correo o una dirección para enviarle la respuesta.'],
				steps: [
					'Escriba su pregunta o llámenos.',
					'Si la respuesta es sencilla, se la damos de una vez.',
					'Si no, recibe un radicado y le respondemos por escrito.'
				],
				cost: 'Sin costo.',
				keywords: ['pregunta', 'duda', 'energia', 'mineria', 'petroleo', 'luz']
			}
		}
	},
	{
		slug: 'copia-de-documentos',
		demo: true,
		kind: 'opa',
		segments: ['hogares', 'empresas', 'comunidades'],
		bookable: false,
		responseDays: 10,
		free: false,
		channels: ['presencial', 'correo-electronico', 'formulario-web', 'correspondencia'],
		online: 'pqrsd',
		block: {
			es: {
				name: 'Copia de documentos',
				summary: 'Le damos copia de los papeles públicos que tiene la entidad.',
				who: 'Cualquier persona. Los papeles con datos privados solo se dan a su dueño.',
				requirements: [
					'El nombre o la fecha del papel que busca.',
					'Su cédula si el papel es suyo.'
				],
				steps: [
					'Diga qué papel necesita.',
					'Le decimos si es público y cuánto cuestan las copias.',
					'Reciba las copias por correo o en persona.'
				],
				cost: 'Gratis si las recibe por correo electrónico. En papel, paga solo el valor de las copias.',
				keywords: ['fotocopia', 'expediente', 'archivo', 'resolucion']
			}
		}
	},
	{
		slug: 'certificado-laboral',
		demo: true,
		kind: 'tramite',
		segments: ['hogares'],
		bookable: false,
		responseDays: 10,
		free: true,
		channels: ['correo-electronico', 'formulario-web', 'presencial'],
		online: 'pqrsd',
		block: {
			es: {
				name: 'Certificado laboral',
				summary: 'Es un papel que dice que usted trabajó aquí, en qué cargo y por cuánto tiempo.',
				who: 'Personas que trabajan o trabajaron en la entidad.',
				requirements: ['Su cédula.', 'Las fechas en que trabajó aquí, si las sabe.'],
				steps: [
					'Pida el certificado por el formulario o por correo.',
					'Diga si lo quiere con el sueldo o sin él.',
					'Reciba el certificado firmado en su correo.'
				],
				cost: 'Sin costo.',
				keywords: ['certificacion', 'constancia', 'trabajo', 'empleo', 'pension']
			}
		}
	},
	{
		slug: 'registro-de-distribuidor-de-combustibles',
		demo: true,
		kind: 'tramite',
		segments: ['empresas'],
		bookable: true,
		responseDays: 30,
		free: true,
		channels: ['presencial', 'correo-electronico', 'formulario-web'],
		block: {
			es: {
				name: 'Permiso para vender gasolina o gas',
				summary: 'Es el permiso que necesita una estación para vender gasolina, diésel o GNV.',
				who: 'Empresas y personas que tienen o van a abrir una estación de servicio.',
				requirements: [
					'El registro de su empresa en la cámara de comercio.',
					'El permiso de uso del suelo que da la alcaldía.',
					'La póliza de seguro de la estación.',
					'Los planos de la estación.'
				],
				steps: [
					'Reúna los papeles de la lista.',
					'Envíelos por correo o entréguelos en persona.',
					'Revisamos los papeles y le pedimos lo que falte.',
					'Le enviamos el permiso o le explicamos por qué no se puede dar.'
				],
				cost: 'Sin costo.',
				keywords: [
					'estacion de servicio',
					'bomba',
					'combustible',
					'diesel',
					'licencia',
					'autorizacion'
				]
			}
		}
	},
	{
		slug: 'subsidio-de-energia',
		demo: true,
		kind: 'servicio',
		segments: ['hogares', 'comunidades'],
		bookable: true,
		responseDays: 15,
		free: true,
		channels: ['telefono', 'presencial', 'te-llamamos', 'formulario-web'],
		online: 'pqrsd',
		block: {
			es: {
				name: 'Subsidio a la luz',
				summary: 'Los hogares de estratos 1, 2 y 3 pagan menos por la luz que usan cada mes.',
				who: 'Hogares de estratos 1, 2 y 3 con servicio de luz.',
				requirements: ['Una factura de luz de su casa.'],
				steps: [
					'Mire en su factura si ya tiene el subsidio.',
					'Si no lo tiene, pregunte a su empresa de luz.',
					'Si la empresa no le responde, [haga un reclamo aquí](pqrsd?tipo=reclamo&servicio=subsidio-de-energia).'
				],
				cost: 'Sin costo.',
				keywords: ['energia electrica', 'factura', 'estrato', 'descuento', 'recibo']
			}
		}
	},
	{
		slug: 'atencion-en-wayuunaiki',
		demo: true,
		kind: 'servicio',
		segments: ['comunidades'],
		bookable: true,
		responseDays: 15,
		free: true,
		channels: ['te-llamamos', 'presencial', 'telefono'],
		block: {
			es: {
				name: 'Atención en wayuunaiki y con intérprete',
				summary: 'Le atendemos en su lengua. Si lo pide, un intérprete le acompaña en la cita.',
				who: 'Personas de pueblos indígenas y de otros grupos étnicos.',
				requirements: ['Decir en qué lengua quiere que le atendamos.'],
				steps: [
					'Pida una cita o una llamada y diga su lengua.',
					'Buscamos un intérprete para ese día.',
					'Hable con nosotros en su lengua.'
				],
				cost: 'Sin costo.',
				keywords: ['wayuu', 'guajira', 'indigena', 'lengua', 'interprete', 'traduccion']
			}
		}
	}
];

/** The services a citizen can book an appointment for: the topics of the booking journey. */
export function bookableServices(): { slug: string; name: string }[] {
	return services
		.filter((service) => service.bookable)
		.map((service) => ({ slug: service.slug, name: service.block.es.name }));
}

export function findService(slug: string): Service | undefined {
	return services.find((service) => service.slug === slug);
}
