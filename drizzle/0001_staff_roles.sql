ALTER TABLE "staff_users" ALTER COLUMN "role" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "staff_users" ADD COLUMN "roles" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
UPDATE "staff_users" SET "roles" = ARRAY["role"] WHERE "role" IS NOT NULL AND "roles" = '{}'::text[];
