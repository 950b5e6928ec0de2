/**
 * The entity's profile: everything another public entity edits to adopt Ventanilla.
 * Demo values imitate an energy ministry; replace them all before going live.
 */
export interface OfficeHours {
	/** ISO weekdays, 1 = Monday … 7 = Sunday. */
	days: number[];
	/** Local time in America/Bogota, "HH:MM". */
	opens: string;
	closes: string;
}

/** An office of the entity that answers petitions, with the address its alerts go to. */
export interface Dependency {
	/** Stable identifier, kept with each petition: never change it once in use. */
	id: string;
	name: string;
	/** Where the morning list of its urgent petitions goes. */
	email: string;
}

/** At most `max` times in any `minutes` (a sliding window, not one aligned to the clock). */
export interface Allowance {
	max: number;
	minutes: number;
}

/**
 * Limits on guessing a secret (a password, a security code). They slow guessing down without
 * locking the owner out: a right answer from a client address that is not itself limited is
 * always accepted, however many wrong ones others sent.
 */
export interface GuessLimits {
	/** Wrong answers one client address may give, whatever the account or number. */
	perClient: Allowance;
	/** Wrong answers one client address may give for one account or number. */
	perTargetFromClient: Allowance;
	/** Wrong answers for one account or number from all addresses before it counts as under attack. */
	perTarget: Allowance;
	/** While under attack: wrong answers one address may give for that account or number (same window). */
	underAttackFromClient: number;
}

export interface EntityProfile {
	demo: boolean;
	name: string;
	shortName: string;
	/** Path under static/ of the logo, an SVG with its own accessible name. */
	logo: string;
	website: string;
	timeZone: 'America/Bogota';
	contact: {
		address: string;
		city: string;
		phone: string;
		tollFree: string;
		email: string;
		/** Where every new petition is announced, and the morning list of those with no dependency. */
		notificationsEmail: string;
	};
	/** The offices petitions are assigned to. */
	dependencies: Dependency[];
	petitions: {
		/** Local time ("HH:MM", Bogotá) from which the morning alerts go out on business days. */
		morningAlertsAt: string;
		/** Business days an answer to an anonymous petition stays on the public notices page. */
		noticeDays: number;
	};
	officeHours: OfficeHours;
	appointments: {
		/** Officials on duty: how many people can be served in the same 30-minute slot. */
		slotCapacity: number;
		slotMinutes: 30;
		minimumNoticeHours: number;
		bookingWindowDays: number;
		maxFutureAppointmentsPerPerson: number;
		videoCallBaseUrl: string;
	};
	privacy: {
		/** Days after an appointment ends before its personal data is deleted. */
		retentionDays: number;
		policyUrl: string;
	};
	/** Limits against bots that hoard places, flood mailboxes or guess secrets. */
	limits: {
		booking: {
			/** A booking with an email holds its place this long, until confirmed by the emailed link. */
			holdMinutes: number;
			/** Bookings one client address may make (with an email or a phone only). */
			perClient: Allowance[];
			/** Bookings one client address may confirm through the emailed link. */
			confirmationsPerClient: Allowance[];
			/** Bookings with a phone only (kept without a link to confirm, so fewer): per address. */
			phoneOnlyPerClient: Allowance[];
			/** …and per phone number. */
			phoneOnlyPerPhone: Allowance[];
		};
		/** Emails the recipient did not ask for by confirming (receipts, booking links), per address. */
		unconfirmedEmailsPerRecipient: Allowance;
		/** Staff sign-in: wrong passwords. */
		signIn: GuessLimits;
		/** The petition look-up: wrong security codes. */
		lookup: GuessLimits;
		/** The appointment form "reference and document": failed tries per client address. */
		appointmentLookupPerClient: Allowance;
	};
}

export const entity: EntityProfile = {
	demo: true,
	name: 'Ministerio de Minas y Energía (demostración)',
	shortName: 'MinEnergía (demo)',
	logo: '/logo.svg',
	website: 'https://www.minenergia.gov.co',
	timeZone: 'America/Bogota',
	contact: {
		address: 'Calle 43 # 57-31, Centro Administrativo Nacional (CAN)',
		city: 'Bogotá D.C.',
		phone: '+57 601 220 0300',
		tollFree: '01 8000 910 180',
		email: 'menweb@minenergia.gov.co',
		notificationsEmail: 'notificaciones@demo.ventanilla.gov.co'
	},
	dependencies: [
		{
			id: 'servicio-al-ciudadano',
			name: 'Grupo de Servicio al Ciudadano',
			email: 'servicio.ciudadano@demo.ventanilla.gov.co'
		},
		{
			id: 'subdireccion-gas',
			name: 'Subdirección de Gas',
			email: 'gas@demo.ventanilla.gov.co'
		},
		{
			id: 'subdireccion-energia',
			name: 'Subdirección de Energía Eléctrica',
			email: 'energia@demo.ventanilla.gov.co'
		},
		{
			id: 'oficina-juridica',
			name: 'Oficina Asesora Jurídica',
			email: 'juridica@demo.ventanilla.gov.co'
		},
		{
			id: 'control-interno-disciplinario',
			name: 'Grupo de Control Interno Disciplinario',
			email: 'disciplinario@demo.ventanilla.gov.co'
		}
	],
	petitions: { morningAlertsAt: '07:00', noticeDays: 5 },
	officeHours: { days: [1, 2, 3, 4, 5], opens: '08:00', closes: '17:00' },
	appointments: {
		slotCapacity: 2,
		slotMinutes: 30,
		minimumNoticeHours: 2,
		bookingWindowDays: 30,
		maxFutureAppointmentsPerPerson: 2,
		videoCallBaseUrl: 'https://meet.demo.ventanilla.gov.co/cita'
	},
	privacy: {
		retentionDays: 180,
		policyUrl: '/es/privacidad'
	},
	limits: {
		booking: {
			holdMinutes: 15,
			perClient: [
				{ max: 6, minutes: 60 },
				{ max: 12, minutes: 24 * 60 }
			],
			confirmationsPerClient: [
				{ max: 4, minutes: 60 },
				{ max: 8, minutes: 24 * 60 }
			],
			phoneOnlyPerClient: [{ max: 2, minutes: 24 * 60 }],
			phoneOnlyPerPhone: [{ max: 2, minutes: 24 * 60 }]
		},
		unconfirmedEmailsPerRecipient: { max: 3, minutes: 24 * 60 },
		signIn: {
			perClient: { max: 20, minutes: 15 },
			perTargetFromClient: { max: 5, minutes: 15 },
			perTarget: { max: 5, minutes: 15 },
			underAttackFromClient: 1
		},
		lookup: {
			perClient: { max: 30, minutes: 60 },
			perTargetFromClient: { max: 5, minutes: 15 },
			perTarget: { max: 5, minutes: 15 },
			underAttackFromClient: 1
		},
		appointmentLookupPerClient: { max: 10, minutes: 15 }
	}
};
