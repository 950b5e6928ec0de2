import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { allows } from '$lib/domain/staff-roles';
import { audit } from '../audit';
import type { Database } from '../db';
import { radicadoAttachments, type Petitioner } from '../db/schema';
import { DomainError } from '../errors';
import type { StaffUser } from '../staff';
import type { Download } from './answers';
import { attachmentsDir } from './attachments';
import { byNumber } from './progress';

export const revealSchema = z.object({
	reason: z
		.string({ error: 'desk:errors.revealReason' })
		.trim()
		.min(10, { error: 'desk:errors.revealReason' })
		.max(500, { error: 'desk:errors.tooLong' })
});

/**
 * The petitioner of a petition filed with reserved identity, for an account holding the `reserved`
 * role (an admin does not hold it by being one), once the official has said why: the reason and
 * who asked are audited before anything is shown.
 */
export async function revealIdentity(
	db: Database,
	typed: string,
	reason: string,
	viewer: StaffUser
): Promise<{ number: string; petitioner: Petitioner }> {
	if (!allows(viewer.roles, 'reserved')) throw new DomainError('FORBIDDEN');
	const row = await byNumber(db, typed);
	if (row.identity !== 'reserved') throw new DomainError('NOT_FOUND');
	await audit(db, {
		actor: viewer.email,
		action: 'radicado.identity_opened',
		subject: row.number,
		data: { reason }
	});
	return { number: row.number, petitioner: row.petitioner ?? {} };
}

/** One of the citizen's files, for an official: served as a download and audited. */
export async function openAttachment(
	db: Database,
	typed: string,
	id: string,
	actor: string
): Promise<Download> {
	const row = await byNumber(db, typed);
	const [file] = z.uuid().safeParse(id).success
		? await db
				.select()
				.from(radicadoAttachments)
				.where(and(eq(radicadoAttachments.id, id), eq(radicadoAttachments.radicadoId, row.id)))
		: [];
	if (!file) throw new DomainError('NOT_FOUND');
	const bytes = await readFile(resolve(attachmentsDir(), file.id));
	await audit(db, {
		actor,
		action: 'radicado.attachment_opened',
		subject: row.number,
		data: { attachment: file.id, filename: file.filename }
	});
	return { filename: file.filename, contentType: file.contentType, bytes: new Uint8Array(bytes) };
}
