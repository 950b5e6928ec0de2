CREATE TABLE "callbacks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"phone" text NOT NULL,
	"language" text NOT NULL,
	"topic" text NOT NULL,
	"details" text,
	"window_date" date NOT NULL,
	"window_start" text NOT NULL,
	"window_end" text NOT NULL,
	"consent_at" timestamp with time zone NOT NULL,
	"policy_version" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"called_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "surveys" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"journey" text NOT NULL,
	"journey_ref" text NOT NULL,
	"rating" integer NOT NULL,
	"comment" text,
	"locale" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "surveys_one_per_journey" UNIQUE("journey","journey_ref"),
	CONSTRAINT "surveys_rating_range" CHECK ("surveys"."rating" between 1 and 5)
);
--> statement-breakpoint
CREATE INDEX "callbacks_queue_idx" ON "callbacks" USING btree ("status","window_date","window_start");