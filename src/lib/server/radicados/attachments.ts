import { randomUUID } from 'node:crypto';
import { mkdir, unlink, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { config } from '../config';
import { hash } from '../crypto';
import { fileType } from './file-types';

export const MAX_FILES = 3;
export const MAX_FILE_BYTES = 5 * 1024 * 1024;

export interface Upload {
	filename: string;
	bytes: Uint8Array;
}

export interface StoredFile {
	id: string;
	filename: string;
	contentType: string;
	size: number;
	sha256: string;
}

export type AttachmentError = 'tooMany' | 'tooBig' | 'badType' | 'empty';

/** A name safe to show and to offer for download: no folders, no control characters. */
export function safeFilename(name: string): string {
	const base = name.split(/[\\/]/).pop() ?? '';
	// eslint-disable-next-line no-control-regex
	const clean = base.replace(/[\u0000-\u001f\u007f"<>|:*?]/g, '').trim();
	return clean.slice(-120) || 'adjunto';
}

export function checkUploads(uploads: Upload[]): AttachmentError | undefined {
	if (uploads.length > MAX_FILES) return 'tooMany';
	for (const upload of uploads) {
		if (upload.bytes.byteLength === 0) return 'empty';
		if (upload.bytes.byteLength > MAX_FILE_BYTES) return 'tooBig';
		if (!fileType(upload.bytes)) return 'badType';
	}
	return undefined;
}

export function attachmentsDir(): string {
	return resolve(config.dataDir, 'attachments');
}

/** Writes checked uploads outside the web root, named by a random id. */
export async function store(uploads: Upload[]): Promise<StoredFile[]> {
	if (uploads.length === 0) return [];
	await mkdir(attachmentsDir(), { recursive: true, mode: 0o700 });
	const stored: StoredFile[] = [];
	for (const upload of uploads) {
		const id = randomUUID();
		await writeFile(resolve(attachmentsDir(), id), upload.bytes, { mode: 0o600 });
		stored.push({
			id,
			filename: safeFilename(upload.filename),
			contentType: fileType(upload.bytes)!,
			size: upload.bytes.byteLength,
			sha256: hash(upload.bytes)
		});
	}
	return stored;
}

/** Removes files whose filing did not happen (failed or replayed). */
export async function discard(files: StoredFile[]): Promise<void> {
	await Promise.all(files.map((f) => unlink(resolve(attachmentsDir(), f.id)).catch(() => {})));
}
