CREATE TABLE "appointment_slots" (
	"start" timestamp with time zone PRIMARY KEY NOT NULL,
	"capacity" integer NOT NULL,
	"booked" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "appointment_slots_within_capacity" CHECK ("appointment_slots"."booked" >= 0 and "appointment_slots"."booked" <= "appointment_slots"."capacity")
);
--> statement-breakpoint
CREATE TABLE "appointments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"reference" text NOT NULL,
	"status" text DEFAULT 'booked' NOT NULL,
	"topic" text NOT NULL,
	"start" timestamp with time zone NOT NULL,
	"end" timestamp with time zone NOT NULL,
	"locale" text NOT NULL,
	"name" text NOT NULL,
	"document_type" text NOT NULL,
	"document_number" text NOT NULL,
	"email" text NOT NULL,
	"phone" text,
	"description" text DEFAULT '' NOT NULL,
	"call_language" text DEFAULT 'es' NOT NULL,
	"interpreter" boolean DEFAULT false NOT NULL,
	"accessibility_needs" text DEFAULT '' NOT NULL,
	"preferential" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"consent_at" timestamp with time zone NOT NULL,
	"policy_version" text NOT NULL,
	"manage_token_hash" text NOT NULL,
	"video_url" text NOT NULL,
	"sequence" integer DEFAULT 0 NOT NULL,
	"reminder_sent_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	"anonymised_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "appointments_reference_unique" UNIQUE("reference")
);
--> statement-breakpoint
CREATE INDEX "appointments_document_idx" ON "appointments" USING btree ("document_type","document_number","start");--> statement-breakpoint
CREATE INDEX "appointments_start_idx" ON "appointments" USING btree ("start","status");