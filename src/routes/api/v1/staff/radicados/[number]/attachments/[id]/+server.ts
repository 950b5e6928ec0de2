import { radicados } from '$lib/server/radicados';
import { petitionFileEndpoint } from '$lib/server/web/petition-files';

export const GET = petitionFileEndpoint(
	'api:operations.staff.radicados.number.attachments.id.get.summary',
	radicados.openAttachment
);
