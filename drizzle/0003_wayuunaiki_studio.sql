CREATE TABLE "live_versions" (
	"topic" text PRIMARY KEY NOT NULL,
	"token" text NOT NULL,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "recordings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"audio_id" text NOT NULL,
	"lang" text NOT NULL,
	"state" text NOT NULL,
	"seconds" real NOT NULL,
	"opus" "bytea" NOT NULL,
	"mp3" "bytea" NOT NULL,
	"opus_bytes" integer NOT NULL,
	"mp3_bytes" integer NOT NULL,
	"text_hash" text NOT NULL,
	"recorded_by" text NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"return_note" text,
	"returned_by" text,
	"returned_at" timestamp with time zone,
	"reviewed_by" text,
	"reviewed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "translations" (
	"lang" text NOT NULL,
	"key" text NOT NULL,
	"text" text NOT NULL,
	"state" text NOT NULL,
	"source" text NOT NULL,
	"written_by" text NOT NULL,
	"written_at" timestamp with time zone DEFAULT now() NOT NULL,
	"return_note" text,
	"returned_by" text,
	"returned_at" timestamp with time zone,
	"published_text" text,
	"published_source" text,
	"reviewed_by" text,
	"reviewed_at" timestamp with time zone,
	CONSTRAINT "translations_lang_key_pk" PRIMARY KEY("lang","key")
);
--> statement-breakpoint
CREATE UNIQUE INDEX "recordings_slot_idx" ON "recordings" USING btree ("audio_id","lang","state");