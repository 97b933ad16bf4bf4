ALTER TABLE "campaigns" ADD COLUMN "source_language" text;--> statement-breakpoint
ALTER TABLE "campaigns" ADD COLUMN "translation_mode" text;--> statement-breakpoint
ALTER TABLE "profiles" ADD COLUMN "translations" jsonb;--> statement-breakpoint
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_source_language_known" CHECK ("campaigns"."source_language" is null or "campaigns"."source_language" in ('en', 'es', 'fr', 'ar', 'fa', 'ru', 'uk', 'az', 'zh-Hans'));--> statement-breakpoint
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_translation_mode_known" CHECK ("campaigns"."translation_mode" is null or "campaigns"."translation_mode" in ('all', 'reviewed-only'));