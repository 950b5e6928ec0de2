import { radicados } from '$lib/server/radicados';
import { petitionFileEndpoint } from '$lib/server/web/petition-files';

export const GET = petitionFileEndpoint(
	'api:operations.staff.radicados.number.responses.id.document.get.summary',
	radicados.staffDocument
);
