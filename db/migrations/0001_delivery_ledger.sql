CREATE TABLE "deliveries" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "deliveries_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"channel_ref" text NOT NULL,
	"local_date" date NOT NULL,
	"platform" text NOT NULL,
	"subscription_id" integer,
	"spotlight_id" integer,
	"campaign_id" text NOT NULL,
	"timezone" text NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"state" text NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone NOT NULL,
	"lease_until" timestamp with time zone,
	"claimed_by" text,
	"profile_id" text,
	"message_id" text,
	"detail" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "deliveries_channel_day" UNIQUE("channel_ref","local_date"),
	CONSTRAINT "deliveries_state_known" CHECK ("deliveries"."state" in ('pending', 'claimed', 'sending', 'sent', 'failed', 'paused', 'missed', 'cancelled', 'uncertain')),
	CONSTRAINT "deliveries_attempts_not_negative" CHECK ("deliveries"."attempts" >= 0)
);
--> statement-breakpoint
CREATE TABLE "bot_moderators" (
	"community_ref" text NOT NULL,
	"user_id" text NOT NULL,
	"granted_by" text NOT NULL,
	"granted_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "bot_moderators_community_ref_user_id_pk" PRIMARY KEY("community_ref","user_id")
);
--> statement-breakpoint
CREATE TABLE "platform_installations" (
	"platform" text NOT NULL,
	"installation_key" text NOT NULL,
	"data" jsonb NOT NULL,
	"installed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "platform_installations_platform_installation_key_pk" PRIMARY KEY("platform","installation_key")
);
--> statement-breakpoint
ALTER TABLE "audit_log" DROP CONSTRAINT "audit_log_entity_type_known";--> statement-breakpoint
ALTER TABLE "subscriptions" ADD COLUMN "planned_through" date;--> statement-breakpoint
ALTER TABLE "subscriptions" ADD COLUMN "active_since" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "deliveries" ADD CONSTRAINT "deliveries_subscription_id_subscriptions_id_fk" FOREIGN KEY ("subscription_id") REFERENCES "public"."subscriptions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deliveries" ADD CONSTRAINT "deliveries_spotlight_id_spotlights_id_fk" FOREIGN KEY ("spotlight_id") REFERENCES "public"."spotlights"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "deliveries_open_idx" ON "deliveries" USING btree ("platform","next_attempt_at") WHERE "deliveries"."state" in ('pending', 'claimed', 'sending');--> statement-breakpoint
CREATE INDEX "deliveries_subscription_idx" ON "deliveries" USING btree ("subscription_id","local_date");--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_entity_type_known" CHECK ("audit_log"."entity_type" in ('campaign', 'profile', 'subscription', 'spotlight', 'community'));