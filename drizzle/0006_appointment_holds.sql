ALTER TABLE "appointments" ALTER COLUMN "email" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "appointments" ADD COLUMN "confirm_token_hash" text;--> statement-breakpoint
ALTER TABLE "appointments" ADD COLUMN "hold_expires_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "appointments" ADD COLUMN "confirmation_call" boolean DEFAULT false NOT NULL;--> statement-breakpoint
CREATE INDEX "appointments_holds_idx" ON "appointments" USING btree ("hold_expires_at") WHERE "appointments"."status" = 'held';