import { describe, expect, it } from 'vitest';
import { composeEmail, inline } from './compose';

describe('email composition', () => {
	it('keeps a typed name on its own line: line breaks and control characters become spaces', async () => {
		const name = 'Ana\r\nBcc: victima@example.com\n\nHaga clic: http://malo.example\u0000\u0007';
		const message = await composeEmail(
			{ kind: 'test', to: 'ana@example.com', locale: 'es' },
			(t) => ({
				subject: t('booking:email.confirmed.subject', { reference: 'CITA-1', name }),
				lines: [t('booking:email.greeting', { name }), 'fin']
			})
		);
		expect(message.text.split('\n')).toHaveLength(2);
		expect(message.text).toContain('Ana Bcc: victima@example.com Haga clic: http://malo.example');
		expect(message.subject).not.toMatch(/[\r\n]/);
	});

	it('removes the marks that reorder text and the line separators', () => {
		expect(inline('abc\u202edcba\u2066x\u2028y\u0085z')).toBe('abc dcba x y z');
		expect(inline('  Luz   Marina  ')).toBe('Luz Marina');
	});
});
