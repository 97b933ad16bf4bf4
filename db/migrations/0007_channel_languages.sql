CREATE TABLE "channel_languages" (
	"channel_ref" text PRIMARY KEY NOT NULL,
	"community_ref" text NOT NULL,
	"language" text NOT NULL,
	"set_by" text NOT NULL,
	"set_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "channel_languages_language_known" CHECK ("channel_languages"."language" in ('en', 'es', 'fr', 'ar', 'fa', 'ru', 'uk', 'az', 'zh-Hans'))
);
--> statement-breakpoint
ALTER TABLE "audit_log" DROP CONSTRAINT "audit_log_entity_type_known";--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_entity_type_known" CHECK ("audit_log"."entity_type" in ('campaign', 'profile', 'subscription', 'spotlight', 'community', 'channel', 'staff'));