CREATE TABLE "synthesized_audio" (
	"audio_id" text PRIMARY KEY NOT NULL,
	"text_hash" text NOT NULL,
	"seconds" real NOT NULL,
	"opus" "bytea" NOT NULL,
	"mp3" "bytea" NOT NULL,
	"opus_bytes" integer NOT NULL,
	"mp3_bytes" integer NOT NULL,
	"made_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "content_items" ADD COLUMN "draft_reason" text;--> statement-breakpoint
ALTER TABLE "content_items" ADD COLUMN "draft_action" text;--> statement-breakpoint
ALTER TABLE "content_items" ADD COLUMN "listed" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "content_versions" ADD COLUMN "reason" text;