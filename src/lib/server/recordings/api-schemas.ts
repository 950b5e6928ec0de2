import { z } from 'zod';
import { LOCALES } from '$lib/i18n/locales';
import type { Slot, Take } from '.';

const takeSchema = z.object({
	id: z.string(),
	seconds: z.number(),
	bytes: z.object({ opus: z.number().int(), mp3: z.number().int() }),
	files: z.object({ opus: z.string(), mp3: z.string() }).describe('Where the studio plays it'),
	recordedBy: z.string(),
	recordedAt: z.string(),
	reviewedBy: z.string().nullable(),
	reviewedAt: z.string().nullable(),
	returned: z.object({ note: z.string(), by: z.string(), at: z.string() }).nullable(),
	textChanged: z.boolean().describe('The text it reads changed since it was recorded or confirmed')
});

/** An audio-bearing text with its approved take and the take waiting for review. */
export const slotSchema = z.object({
	audioId: z.string(),
	lang: z.enum(LOCALES),
	kind: z.enum(['section', 'service', 'instructions']),
	title: z.string(),
	page: z.string(),
	transcript: z.string().describe('What the recording reads, as the pages say it now'),
	published: takeSchema.nullable(),
	draft: takeSchema.nullable()
});

export const recordingLang = z.enum(LOCALES, { error: 'studio:errors.lang' });

/** Where the studio plays a take (drafts included, for signed-in officials). */
export function studioFile(id: string, format: 'opus' | 'mp3'): string {
	return `/staff/grabaciones/audio/${id}.${format}`;
}

function takeView(take: Take | null): z.infer<typeof takeSchema> | null {
	if (!take) return null;
	return {
		id: take.id,
		seconds: take.seconds,
		bytes: take.bytes,
		files: { opus: studioFile(take.id, 'opus'), mp3: studioFile(take.id, 'mp3') },
		recordedBy: take.recordedBy,
		recordedAt: take.recordedAt,
		reviewedBy: take.reviewedBy,
		reviewedAt: take.reviewedAt,
		returned: take.returned,
		textChanged: take.textChanged
	};
}

export function slotView(slot: Slot): z.infer<typeof slotSchema> {
	return {
		audioId: slot.id,
		lang: slot.lang,
		kind: slot.kind,
		title: slot.title,
		page: slot.page,
		transcript: slot.text,
		published: takeView(slot.published),
		draft: takeView(slot.draft)
	};
}
