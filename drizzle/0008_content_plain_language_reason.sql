ALTER TABLE "content_items" ADD COLUMN "draft_reason" text;--> statement-breakpoint
ALTER TABLE "content_versions" ADD COLUMN "reason" text;