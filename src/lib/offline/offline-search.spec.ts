import { describe, expect, it } from 'vitest';
import { searchKeptServices, servicesPageLang } from './offline-search';

// The shape of the kept `/es/servicios` page: every service, an empty box.
const kept = `<form><input id="field-q" name="q" type="search" value="">
<select id="field-segment" name="segment"><option value="" selected>Para todos</option><option value="hogares">Hogares</option></select></form>
<div class="count" role="status" data-offline-found="Sin conexión. Resultados: {found}." data-offline-none="Sin conexión: nada &quot;así&quot;."><p>Hay 3 servicios.</p></div>
<ul class="results"><li data-slug="certificado-laboral">Certificado</li><li data-slug="subsidio-de-energia">Luz</li><li data-slug="subsidio-de-gas-en-cilindro">Gas</li></ul>`;

describe('servicesPageLang', () => {
	it('knows the service list of each language and nothing else', () => {
		expect(servicesPageLang('/es/servicios')).toBe('es');
		expect(servicesPageLang('/guc/servicios')).toBe('guc');
		expect(servicesPageLang('/es/servicios/certificado-laboral')).toBeUndefined();
		expect(servicesPageLang('/xx/servicios')).toBeUndefined();
	});
});

describe('searchKeptServices', () => {
	it('keeps only what a misspelt search finds, keeps the words in the box and says it ran offline', () => {
		const page = searchKeptServices(kept, 'es', new URLSearchParams({ q: 'enerjia' }));
		expect(page).toContain('<li data-slug="subsidio-de-energia">');
		expect(page).not.toContain('certificado-laboral');
		expect(page).toContain('value="enerjia"');
		expect(page).toMatch(/<p>Sin conexión\. Resultados: \d\.<\/p>/);
	});

	it('says plainly when nothing kept matches', () => {
		const page = searchKeptServices(kept, 'es', new URLSearchParams({ q: 'xyzzy <b>' }));
		expect(page).toContain('<ul class="results"></ul>');
		expect(page).toContain('<p>Sin conexión: nada &#34;así&#34;.</p>');
		expect(page).toContain('value="xyzzy &#60;b&#62;"');
	});

	it('keeps the chosen segment selected', () => {
		const page = searchKeptServices(kept, 'es', new URLSearchParams({ q: '', segment: 'hogares' }));
		expect(page).toContain('<option value="">Para todos</option>');
		expect(page).toContain('<option value="hogares" selected>');
	});
});
