CREATE TABLE "radicado_attachments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"radicado_id" uuid NOT NULL,
	"filename" text NOT NULL,
	"content_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "radicado_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"radicado_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"response_number" text,
	"response_date" date,
	"reason" text,
	"new_due_date" date,
	"forwarded_to" text,
	"actor" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "radicado_sequences" (
	"year" integer PRIMARY KEY NOT NULL,
	"last" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "radicados" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" text NOT NULL,
	"year" integer NOT NULL,
	"sequence" integer NOT NULL,
	"type" text NOT NULL,
	"subject" text NOT NULL,
	"description" text NOT NULL,
	"municipality" text,
	"identity" text NOT NULL,
	"petitioner" jsonb,
	"contact_preference" text NOT NULL,
	"consent_at" timestamp with time zone,
	"lang" text NOT NULL,
	"code_hash" text NOT NULL,
	"state" text DEFAULT 'radicada' NOT NULL,
	"filed_at" timestamp with time zone NOT NULL,
	"term_days" integer NOT NULL,
	"due_date" date NOT NULL,
	CONSTRAINT "radicados_number_unique" UNIQUE("number"),
	CONSTRAINT "radicados_year_sequence" UNIQUE("year","sequence"),
	CONSTRAINT "radicados_sequence_positive" CHECK ("radicados"."sequence" > 0)
);
--> statement-breakpoint
ALTER TABLE "radicado_attachments" ADD CONSTRAINT "radicado_attachments_radicado_id_radicados_id_fk" FOREIGN KEY ("radicado_id") REFERENCES "public"."radicados"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "radicado_events" ADD CONSTRAINT "radicado_events_radicado_id_radicados_id_fk" FOREIGN KEY ("radicado_id") REFERENCES "public"."radicados"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "radicado_events_radicado_idx" ON "radicado_events" USING btree ("radicado_id","at");