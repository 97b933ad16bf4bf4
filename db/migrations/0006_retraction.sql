ALTER TABLE "deliveries" ADD COLUMN "ref_channel_id" text;--> statement-breakpoint
ALTER TABLE "deliveries" ADD COLUMN "ref_message_id" text;--> statement-breakpoint
ALTER TABLE "deliveries" ADD COLUMN "sent_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "deliveries" ADD COLUMN "retract_state" text;--> statement-breakpoint
ALTER TABLE "deliveries" ADD COLUMN "retract_requested_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "deliveries" ADD COLUMN "retract_attempts" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "deliveries" ADD COLUMN "retract_next_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "deliveries" ADD COLUMN "retract_lease_until" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "deliveries" ADD COLUMN "retract_claimed_by" text;--> statement-breakpoint
ALTER TABLE "deliveries" ADD COLUMN "retract_detail" text;--> statement-breakpoint
ALTER TABLE "deliveries" ADD COLUMN "retracted_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "deliveries_retract_open_idx" ON "deliveries" USING btree ("platform","retract_next_at") WHERE "deliveries"."retract_state" in ('pending', 'claimed');--> statement-breakpoint
CREATE INDEX "deliveries_profile_sent_idx" ON "deliveries" USING btree ("profile_id","sent_at");--> statement-breakpoint
ALTER TABLE "deliveries" ADD CONSTRAINT "deliveries_retract_state_known" CHECK ("deliveries"."retract_state" in ('pending', 'claimed', 'deleted', 'edited', 'gone', 'failed'));