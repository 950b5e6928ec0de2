import { axeViolations, expect, setClock, test } from './fixtures';

test('publishes the figures as tables next to the charts, and as CSV', async ({
	page,
	request
}) => {
	await setClock(request, '2026-11-23T09:00:00-05:00');
	for (const [i, rating] of [5, 4, 1].entries()) {
		const answer = await request.post('/api/v1/surveys', {
			data: { journey: 'lookup', journeyRef: `test-ref-${i}`, rating }
		});
		expect(answer.status()).toBe(201);
	}
	await page.goto('/es/indicadores');
	const table = page.getByRole('table', { name: 'Respuestas a la encuesta por mes' });
	const row = table.getByRole('row', { name: /noviembre de 2026/ });
	await expect(row.getByRole('cell')).toHaveText(['3', '3,3', '67 %']);
	await expect(page.getByRole('img', { name: /Gráfico de barras: Satisfacción/ })).toBeVisible();
	expect(await axeViolations(page)).toEqual([]);

	const csv = await request.get('/es/indicadores/datos.csv');
	expect(csv.headers()['content-type']).toContain('text/csv');
	const lines = (await csv.text()).trim().split('\r\n');
	expect(lines).toHaveLength(13);
	expect(lines[0]).toBe(
		'mes,respuestas_encuesta,satisfaccion_promedio,satisfechos_porcentaje,llamadas_pedidas,llamadas_hechas,llamadas_sin_contacto,citas_agendadas,citas_atendidas,citas_inasistencia,citas_sin_confirmar,peticiones_radicadas,peticiones_respondidas,peticiones_respondidas_a_tiempo,dias_habiles_promedio_respuesta,peticiones_respondidas_primer_nivel,dias_habiles_promedio_primer_nivel'
	);
	expect(lines[12]).toBe('2026-11,3,3.3,67,0,0,0,0,0,0,0,0,0,0,,0,');
});
