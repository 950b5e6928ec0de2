ALTER TABLE "answer_templates" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "answer_templates" ADD COLUMN "draft_title" text;--> statement-breakpoint
ALTER TABLE "answer_templates" ADD COLUMN "draft_body" text;--> statement-breakpoint
ALTER TABLE "answer_templates" ADD COLUMN "draft_active" boolean;--> statement-breakpoint
ALTER TABLE "answer_templates" ADD COLUMN "draft_by" text;--> statement-breakpoint
ALTER TABLE "answer_templates" ADD COLUMN "draft_at" timestamp with time zone;