ALTER TABLE "content_items" ADD COLUMN "draft_action" text;--> statement-breakpoint
ALTER TABLE "content_items" ADD COLUMN "listed" boolean DEFAULT true NOT NULL;