import { sql } from 'drizzle-orm';
import { entity } from '$lib/config/entity';
import { localDate } from '$lib/domain/calendar';
import { PETITION_CHANNELS } from '$lib/domain/petitions';
import { formatRadicado } from '$lib/domain/radicado-number';
import { dueDate, PETITION_TYPES } from '$lib/domain/terms';
import { clock } from '../clock';
import type { Database } from '../db';
import { radicadoSequences, radicados } from '../db/schema';
import { DEFAULT_LEGAL_TERMS } from '../db/seed';
import { bandColumns } from '../radicados/standing';

const SUBJECTS = [
	'Subsidio de gas en cilindro',
	'Conversión de vehículo a gas natural',
	'Estado de un radicado',
	'Factura de energía',
	'Información general',
	'Queja por la atención',
	'Copia de un contrato'
];

/**
 * Many petitions at once, for the queue's benchmark (test mode only): `open` of them still open,
 * filed over the last two months, the rest answered, forwarded or withdrawn over the years before;
 * types, channels, dependencies and officials spread out. All are numbered in the current year.
 */
export async function seedPetitions(
	db: Database,
	{ count, open, officials = [] }: { count: number; open: number; officials?: string[] }
): Promise<{ year: number; last: number }> {
	const now = clock.now();
	const year = Number(localDate(now).slice(0, 4));
	// Due dates repeat for the same filing day and term: computed once each.
	const dues = new Map<string, string>();
	const due = (filedAt: Date, term: number) => {
		const key = `${localDate(filedAt)}|${term}`;
		let found = dues.get(key);
		if (!found) dues.set(key, (found = dueDate(filedAt, term)));
		return found;
	};
	const rows: (typeof radicados.$inferInsert)[] = [];
	for (let i = 0; i < count; i += 1) {
		const isOpen = i >= count - open;
		// Closed ones over four years before the open ones; open ones over the last 60 days.
		const daysAgo = isOpen
			? Math.floor(((count - i) * 60) / Math.max(open, 1))
			: 60 + Math.floor(((count - open - i) * 1400) / Math.max(count - open, 1));
		const filedAt = new Date(now.getTime() - daysAgo * 86_400_000 - (i % 480) * 60_000);
		const type = PETITION_TYPES[i % PETITION_TYPES.length]!;
		const termDays = DEFAULT_LEGAL_TERMS[type]!;
		const dueOn = due(filedAt, termDays);
		const sequence = i + 1;
		const dependency = i % 6 === 5 ? null : entity.dependencies[i % entity.dependencies.length]!.id;
		rows.push({
			number: formatRadicado({ year, sequence }),
			year,
			sequence,
			type,
			subject: `${SUBJECTS[i % SUBJECTS.length]} ${i}`,
			description: 'Petición de prueba para medir la bandeja de peticiones.',
			identity: i % 9 === 0 ? 'anonymous' : 'identified',
			petitioner: i % 9 === 0 ? null : { name: `Persona ${i}` },
			contactPreference: 'online',
			lang: 'es',
			codeHash: 'not-a-code',
			state: isOpen
				? i % 3 === 0
					? 'en_tramite'
					: 'radicada'
				: (['respondida', 'respondida', 'respondida', 'trasladada', 'desistida'] as const)[i % 5]!,
			filedAt,
			termDays,
			dueDate: dueOn,
			channel: PETITION_CHANNELS[i % 7 < 4 ? 0 : i % PETITION_CHANNELS.length]!,
			dependency,
			assignee: dependency && officials.length ? officials[i % officials.length]! : null,
			...(isOpen ? bandColumns({ filedAt, dueDate: dueOn, pausedDays: 0 }) : {})
		});
	}
	for (let start = 0; start < rows.length; start += 1000) {
		await db.insert(radicados).values(rows.slice(start, start + 1000));
	}
	await db
		.insert(radicadoSequences)
		.values({ year, last: count })
		.onConflictDoUpdate({ target: radicadoSequences.year, set: { last: count } });
	// A database in use is vacuumed and analysed by then: measure that, not a fresh heap.
	await db.execute(sql`vacuum analyze radicados`);
	return { year, last: count };
}
