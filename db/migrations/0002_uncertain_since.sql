ALTER TABLE "deliveries" ADD COLUMN "sending_since" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "deliveries" ADD COLUMN "uncertain_since" timestamp with time zone;