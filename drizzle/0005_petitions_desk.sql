CREATE TABLE "answer_templates" (
	"id" text PRIMARY KEY NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"updated_by" text DEFAULT 'seed' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "petition_alerts" (
	"dependency" text NOT NULL,
	"day" date NOT NULL,
	"petitions" integer NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "petition_alerts_dependency_day_pk" PRIMARY KEY("dependency","day")
);
--> statement-breakpoint
CREATE TABLE "radicado_responses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"radicado_id" uuid NOT NULL,
	"number" text NOT NULL,
	"date" date NOT NULL,
	"text" text NOT NULL,
	"template_id" text,
	"document_id" uuid,
	"document_name" text,
	"document_size" integer,
	"document_sha256" text,
	"published_until" date,
	"actor" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "response_sequences" (
	"year" integer PRIMARY KEY NOT NULL,
	"last" integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE "radicados" ADD COLUMN "channel" text DEFAULT 'web' NOT NULL;--> statement-breakpoint
ALTER TABLE "radicados" ADD COLUMN "dependency" text;--> statement-breakpoint
ALTER TABLE "radicados" ADD COLUMN "assignee" text;--> statement-breakpoint
ALTER TABLE "radicados" ADD COLUMN "media_from" date;--> statement-breakpoint
ALTER TABLE "radicados" ADD COLUMN "alta_from" date;--> statement-breakpoint
ALTER TABLE "radicados" ADD COLUMN "paused_days" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "radicados" ADD COLUMN "paused_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "radicados" ADD COLUMN "band_at_pause" text;--> statement-breakpoint
ALTER TABLE "radicado_responses" ADD CONSTRAINT "radicado_responses_radicado_id_radicados_id_fk" FOREIGN KEY ("radicado_id") REFERENCES "public"."radicados"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "radicado_responses_radicado_idx" ON "radicado_responses" USING btree ("radicado_id");--> statement-breakpoint
CREATE INDEX "radicado_responses_published_idx" ON "radicado_responses" USING btree ("published_until") WHERE "radicado_responses"."published_until" is not null;--> statement-breakpoint
CREATE INDEX "radicados_open_due_idx" ON "radicados" USING btree ("due_date","number","alta_from","media_from","state","band_at_pause","type","channel","dependency","assignee") WHERE "radicados"."state" in ('radicada', 'en_tramite', 'por_completar');--> statement-breakpoint
CREATE INDEX "radicados_state_due_idx" ON "radicados" USING btree ("state","due_date","number");--> statement-breakpoint
CREATE INDEX "radicados_filed_idx" ON "radicados" USING btree ("filed_at");