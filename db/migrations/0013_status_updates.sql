CREATE TABLE "status_announcements" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "status_announcements_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"change_id" integer NOT NULL,
	"profile_id" text NOT NULL,
	"event_date" text NOT NULL,
	"channel_ref" text NOT NULL,
	"platform" text NOT NULL,
	"state" text NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone NOT NULL,
	"lease_until" timestamp with time zone,
	"claimed_by" text,
	"detail" text,
	"message_id" text,
	"settled_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "status_announcements_once" UNIQUE("channel_ref","profile_id","event_date"),
	CONSTRAINT "status_announcements_state_known" CHECK ("status_announcements"."state" in ('pending', 'claimed', 'announced', 'failed', 'skipped'))
);
--> statement-breakpoint
CREATE TABLE "status_changes" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "status_changes_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"profile_id" text NOT NULL,
	"kind" text NOT NULL,
	"event_date" text NOT NULL,
	"as_of" text NOT NULL,
	"sentence" text,
	"source_id" text NOT NULL,
	"actor" text NOT NULL,
	"detected_at" timestamp with time zone DEFAULT now() NOT NULL,
	"enqueued_at" timestamp with time zone,
	CONSTRAINT "status_changes_kind_known" CHECK ("status_changes"."kind" in ('released', 'sentence_changed', 'died_in_custody')),
	CONSTRAINT "status_changes_event_date_partial" CHECK ("status_changes"."event_date" ~ '^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$')
);
--> statement-breakpoint
ALTER TABLE "deliveries" ADD COLUMN "update_change_id" integer;--> statement-breakpoint
ALTER TABLE "deliveries" ADD COLUMN "update_state" text;--> statement-breakpoint
ALTER TABLE "deliveries" ADD COLUMN "update_attempts" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "deliveries" ADD COLUMN "update_next_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "deliveries" ADD COLUMN "update_lease_until" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "deliveries" ADD COLUMN "update_claimed_by" text;--> statement-breakpoint
ALTER TABLE "deliveries" ADD COLUMN "update_detail" text;--> statement-breakpoint
ALTER TABLE "deliveries" ADD COLUMN "update_settled_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "subscriptions" ADD COLUMN "updates" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "status_announcements" ADD CONSTRAINT "status_announcements_change_id_status_changes_id_fk" FOREIGN KEY ("change_id") REFERENCES "public"."status_changes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "status_announcements_open_idx" ON "status_announcements" USING btree ("platform","next_attempt_at") WHERE "status_announcements"."state" in ('pending', 'claimed');--> statement-breakpoint
CREATE INDEX "status_announcements_profile_idx" ON "status_announcements" USING btree ("profile_id");--> statement-breakpoint
CREATE INDEX "status_changes_waiting_idx" ON "status_changes" USING btree ("id") WHERE "status_changes"."enqueued_at" is null;--> statement-breakpoint
ALTER TABLE "deliveries" ADD CONSTRAINT "deliveries_update_change_id_status_changes_id_fk" FOREIGN KEY ("update_change_id") REFERENCES "public"."status_changes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "deliveries_update_open_idx" ON "deliveries" USING btree ("platform","update_next_at") WHERE "deliveries"."update_state" in ('pending', 'claimed');--> statement-breakpoint
ALTER TABLE "deliveries" ADD CONSTRAINT "deliveries_update_state_known" CHECK ("deliveries"."update_state" in ('pending', 'claimed', 'edited', 'gone', 'failed', 'skipped'));