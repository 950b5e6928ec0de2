import { describe, expect, it } from 'vitest';
import { checkContent, MINIMUM_SCORE, problemOf } from '$lib/content/quality';
import {
	fieldHint,
	fieldOf,
	formErrors,
	formFromValue,
	formPath,
	itemHint,
	nextCharter,
	proseFields,
	valueFromForm
} from './form';
import { validValue } from '.';
import { shippedItems, type Value } from './values';

// The kinds edited field by field; the calendar's form adds or removes one day (tested below).
const editable = shippedItems().filter(
	(item) => item.kind !== 'charter' && item.kind !== 'calendar'
);

describe('the studio form', () => {
	it('gives back every shipped channel, service and entry unchanged when nothing is edited', () => {
		for (const item of editable) {
			const fields = formFromValue(item.kind, item.value);
			expect(validValue(item.kind, valueFromForm(item.kind, fields, item.value)), item.id).toEqual(
				item.value
			);
		}
	});

	it('gives back the shipped charter unchanged, and takes a section text and new dates', () => {
		const shipped = shippedItems().find((item) => item.kind === 'charter')!;
		const fields = formFromValue('charter', shipped.value);
		expect(validValue('charter', valueFromForm('charter', fields, shipped.value))).toEqual(
			shipped.value
		);
		const changed = validValue(
			'charter',
			valueFromForm(
				'charter',
				{
					...fields,
					version: '2027.1',
					validFrom: '2027-01-15',
					validUntil: '2028-01-14',
					'sections-1-es-items': 'Decir la verdad.\n\n  Tratar bien a quien le atiende.  '
				},
				shipped.value
			)
		) as Value<'charter'>;
		expect(changed).toMatchObject({ version: '2027.1', validFrom: '2027-01-15' });
		expect(changed.sections[1]).toEqual({
			id: 'deberes',
			es: {
				...(shipped.value as Value<'charter'>).sections[1]!.es,
				items: ['Decir la verdad.', 'Tratar bien a quien le atiende.']
			}
		});
		expect(proseFields('charter', shipped.value)).toContain('sections-3-es-intro');
		expect(() =>
			validValue('charter', { ...(shipped.value as object), validFrom: '2027-02-30' })
		).toThrow(
			expect.objectContaining({
				details: {
					fields: expect.arrayContaining([{ path: 'validFrom', message: 'invalid' }])
				}
			})
		);
	});

	it("prepares next year's charter from the day after the current one ends, for a year", () => {
		const shipped = shippedItems().find((item) => item.kind === 'charter')!
			.value as Value<'charter'>;
		expect(nextCharter(shipped)).toEqual({
			...shipped,
			version: '2027.1',
			validFrom: '2027-01-15',
			validUntil: '2028-01-14'
		});
		const leap = {
			...shipped,
			version: '2028.1',
			validFrom: '2027-03-01',
			validUntil: '2028-02-28'
		};
		expect(nextCharter(leap)).toMatchObject({
			version: '2028.2',
			validFrom: '2028-02-29',
			validUntil: '2029-02-28'
		});
	});

	it('takes split hours: 8 to 12 and 2 to 5', () => {
		const presencial = editable.find((item) => item.id === 'channel:presencial')!;
		const fields = {
			...formFromValue('channel', presencial.value),
			'availability-opens': '08:00',
			'availability-closes': '17:00',
			'availability-pause-from': '12:00',
			'availability-pause-until': '14:00'
		};
		const value = validValue('channel', valueFromForm('channel', fields, presencial.value));
		expect((value as Value<'channel'>).availability).toEqual({
			days: [1, 2, 3, 4, 5],
			opens: '08:00',
			closes: '17:00',
			pause: { from: '12:00', until: '14:00' },
			closedOnHolidays: true
		});
	});

	it('names the field of each refusal, once, with a group rule on its first field', () => {
		const presencial = editable.find((item) => item.id === 'channel:presencial')!;
		const names = Object.keys(formFromValue('channel', presencial.value));
		expect(fieldOf('es.goodFor', names)).toBe('es-goodFor');
		expect(fieldOf('contact.phones.1', names)).toBe('contact-phones');
		expect(fieldOf('availability.pause', names)).toBe('availability-pause-from');
		expect(fieldOf('nothing.here', names)).toBe('form');
		expect(
			formErrors(
				[
					{ path: 'es.name', message: 'required' },
					{ path: 'es.name', message: 'too_long' }
				],
				names,
				(reason) => `m:${reason}`
			)
		).toEqual({ 'es-name': 'm:required' });
	});
});

describe('the non-working days form', () => {
	const closure = { date: '2026-12-07', kind: 'closure', reason: 'Traslado de la oficina.' };
	const base = { days: [closure] };
	const typed = (fields: Record<string, string>) => ({
		...formFromValue('calendar', base),
		...fields
	});

	it('adds a day typed as day, month and year, kept in date order', () => {
		const fields = typed({
			'date-day': '2',
			'date-month': '12',
			'date-year': '2026',
			kind: 'suspension',
			'day-reason': 'Resolución 45 de 2026.'
		});
		expect(validValue('calendar', valueFromForm('calendar', fields, base))).toEqual({
			days: [{ date: '2026-12-02', kind: 'suspension', reason: 'Resolución 45 de 2026.' }, closure]
		});
	});

	it('removes the day asked for', () => {
		expect(valueFromForm('calendar', { remove: '2026-12-07' }, base)).toEqual({ days: [] });
	});

	it('puts each refusal on the field of the form: a day that does not exist, a repeated day', () => {
		const names = Object.keys(formFromValue('calendar', base));
		const refusals = (fields: Record<string, string>) => {
			try {
				validValue('calendar', valueFromForm('calendar', typed(fields), base));
				return {};
			} catch (error) {
				const found = (error as { details: { fields: { path: string; message: string }[] } })
					.details.fields;
				return formErrors(
					found.map((field) => ({ ...field, path: formPath('calendar', field.path) })),
					names,
					(reason) => reason
				);
			}
		};
		expect(refusals({ 'date-day': '31', 'date-month': '2', 'date-year': '2026' })).toEqual({
			'date-day': 'not_a_date',
			kind: 'invalid',
			'day-reason': 'required'
		});
		expect(
			refusals({
				'date-day': '7',
				'date-month': '12',
				'date-year': '2026',
				kind: 'closure',
				'day-reason': 'Otra vez.'
			})
		).toEqual({ 'date-day': 'duplicate_date' });
	});
});

describe('the plain-language hints', () => {
	it('find on every shipped item exactly what check:content finds on it', () => {
		const sections = new Map(checkContent().map((report) => [report.id, report]));
		const sectionOf = { channel: 'channels', service: 'services', glossary: 'glossary' } as const;
		for (const item of editable) {
			const report = sections.get(`${sectionOf[item.kind as keyof typeof sectionOf]}:${item.key}`)!;
			const hint = itemHint(item.kind, item.value)!;
			expect(hint.score, item.id).toBe(report.score);
			expect(hint.findings.map(problemOf), item.id).toEqual(report.problems);
		}
	});

	it('point out a low score, the sentence to shorten and an unexplained acronym', () => {
		const long =
			'La entidad, en cumplimiento de las disposiciones constitucionales, legales y reglamentarias vigentes, procederá a efectuar la verificación administrativa correspondiente de la documentación aportada por el peticionario dentro del término establecido por la ley para estos casos particulares.';
		const hint = fieldHint(`${long}\nTraiga el RUT.`)!;
		expect(hint.score).toBeLessThan(MINIMUM_SCORE);
		expect(hint.findings).toEqual([
			{ rule: 'score', score: hint.score },
			{ rule: 'sentence', sentence: long },
			{ rule: 'acronym', acronym: 'RUT' }
		]);
		expect(fieldHint('Traiga su cédula. Es gratis.')!.findings).toEqual([]);
		expect(fieldHint('   ')).toBeNull();
	});
});
