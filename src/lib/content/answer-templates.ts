/**
 * The first-level answers a fresh installation starts with (demo content, in Spanish): the
 * frequent requests one ministry answered directly (LPG subsidy, natural-gas-vehicle data,
 * the state of a radicado, general information). Admins edit them in the console; the database
 * keeps them from then on. Words in [brackets] are for the official to fill in.
 */
export interface AnswerTemplateSeed {
	id: string;
	title: string;
	body: string;
}

export const answerTemplateSeeds: AnswerTemplateSeed[] = [
	{
		id: 'subsidio-glp',
		title: 'Subsidio de gas en cilindro (GLP)',
		body: [
			'Señor o señora:',
			'Gracias por escribirnos sobre el subsidio de gas en cilindro.',
			'Revisamos su caso con los datos que nos dio.',
			'[Escriba aquí lo que encontró: si el hogar tiene el subsidio y desde cuándo.]',
			'El subsidio se descuenta del precio del cilindro cuando usted lo compra.',
			'Si el distribuidor no le hace el descuento, pídale la factura y envíenosla con este número de radicado.',
			'Si tiene otra pregunta, escríbanos o llame a la línea gratuita.',
			'Cordialmente,'
		].join('\n')
	},
	{
		id: 'correccion-datos-gnv',
		title: 'Corregir datos de una conversión a gas natural vehicular (GNV)',
		body: [
			'Señor o señora:',
			'Gracias por avisarnos del error en los datos de la conversión de su vehículo.',
			'Ya corregimos estos datos: [escriba aquí qué dato cambió y cómo quedó].',
			'El cambio se ve en el sistema desde hoy.',
			'No tiene que hacer nada más.',
			'Si ve otro error, escríbanos con este número de radicado.',
			'Cordialmente,'
		].join('\n')
	},
	{
		id: 'estado-radicado',
		title: 'Estado de un radicado',
		body: [
			'Señor o señora:',
			'Gracias por preguntar por su trámite.',
			'Su radicado [número] está en este momento [escriba aquí el estado].',
			'La fecha límite para responderle es el [fecha].',
			'Puede ver el estado cuando quiera en la página Consultar radicado, con el número y el código de seguridad.',
			'Cordialmente,'
		].join('\n')
	},
	{
		id: 'informacion-general',
		title: 'Información general',
		body: [
			'Señor o señora:',
			'Gracias por escribirnos.',
			'Esta es la información que pidió: [escriba aquí la respuesta en frases cortas].',
			'Puede encontrar más datos en nuestra página de servicios.',
			'Si algo no está claro, escríbanos o llame a la línea gratuita.',
			'Cordialmente,'
		].join('\n')
	}
];
