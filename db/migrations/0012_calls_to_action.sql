ALTER TABLE "campaigns" ADD COLUMN "profile_url" text;--> statement-breakpoint
ALTER TABLE "campaigns" ADD COLUMN "actions" jsonb;--> statement-breakpoint
ALTER TABLE "profiles" ADD COLUMN "actions" jsonb;