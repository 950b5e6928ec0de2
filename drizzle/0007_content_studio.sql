CREATE TABLE "content_items" (
	"id" text PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"demo" boolean NOT NULL,
	"published" jsonb NOT NULL,
	"version" integer NOT NULL,
	"published_by" text NOT NULL,
	"published_at" timestamp with time zone DEFAULT now() NOT NULL,
	"draft" jsonb,
	"draft_by" text,
	"draft_at" timestamp with time zone,
	"return_note" text,
	"returned_by" text,
	"returned_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "content_versions" (
	"item_id" text NOT NULL,
	"version" integer NOT NULL,
	"value" jsonb NOT NULL,
	"written_by" text NOT NULL,
	"approved_by" text NOT NULL,
	"published_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "content_versions_item_id_version_pk" PRIMARY KEY("item_id","version")
);
--> statement-breakpoint
ALTER TABLE "content_versions" ADD CONSTRAINT "content_versions_item_id_content_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."content_items"("id") ON DELETE cascade ON UPDATE no action;