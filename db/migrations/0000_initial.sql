CREATE TABLE "audit_log" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "audit_log_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor" text NOT NULL,
	"action" text NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" text NOT NULL,
	"details" jsonb,
	CONSTRAINT "audit_log_entity_type_known" CHECK ("audit_log"."entity_type" in ('campaign', 'profile', 'subscription', 'spotlight'))
);
--> statement-breakpoint
CREATE TABLE "campaigns" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"hashtag" text NOT NULL,
	"description" text NOT NULL,
	"url" text NOT NULL,
	"share_text" text NOT NULL,
	"historical" jsonb,
	"featured_statuses" text[],
	"contact" text,
	"is_default" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "campaigns_featured_statuses_known" CHECK ("campaigns"."featured_statuses" <@ array['pretrial_detention', 'on_trial', 'sentenced', 'house_arrest', 'disappeared', 'conditionally_released', 'released', 'exiled', 'died_in_custody', 'died', 'unknown']::text[])
);
--> statement-breakpoint
CREATE TABLE "catalog_revision" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"revision" bigint NOT NULL,
	CONSTRAINT "catalog_revision_single_row" CHECK ("catalog_revision"."id" = 1)
);
--> statement-breakpoint
CREATE TABLE "detentions" (
	"profile_id" text NOT NULL,
	"position" integer NOT NULL,
	"arrest_date" text NOT NULL,
	"arrest_date_note" text,
	"detaining_country" text NOT NULL,
	"charges" jsonb NOT NULL,
	"status" text NOT NULL,
	"status_as_of" text NOT NULL,
	"sentence" jsonb,
	"sentence_date" text,
	"place_of_detention" jsonb,
	"release" jsonb,
	"note" text,
	"sources" text[] NOT NULL,
	CONSTRAINT "detentions_profile_id_position_pk" PRIMARY KEY("profile_id","position"),
	CONSTRAINT "detentions_status_known" CHECK ("detentions"."status" in ('pretrial_detention', 'on_trial', 'sentenced', 'house_arrest', 'disappeared', 'conditionally_released', 'released', 'exiled', 'died_in_custody', 'died', 'unknown')),
	CONSTRAINT "detentions_arrest_date_partial_date" CHECK ("detentions"."arrest_date" ~ '^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$'),
	CONSTRAINT "detentions_status_as_of_partial_date" CHECK ("detentions"."status_as_of" ~ '^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$')
);
--> statement-breakpoint
CREATE TABLE "family_members" (
	"profile_id" text NOT NULL,
	"position" integer NOT NULL,
	"member_id" text NOT NULL,
	"relationship" text NOT NULL,
	"display_name" text,
	"is_minor" boolean NOT NULL,
	"public_advocate" boolean NOT NULL,
	"consent_status" text NOT NULL,
	"consent_scope" text[] NOT NULL,
	"consent_basis" text,
	"consent_recorded_at" date,
	"sources" text[] NOT NULL,
	CONSTRAINT "family_members_profile_id_position_pk" PRIMARY KEY("profile_id","position"),
	CONSTRAINT "family_members_member_id_unique" UNIQUE("profile_id","member_id"),
	CONSTRAINT "family_members_consent_status_known" CHECK ("family_members"."consent_status" in ('given', 'not_sought', 'refused', 'withdrawn')),
	CONSTRAINT "family_members_consent_scope_known" CHECK ("family_members"."consent_scope" <@ array['name', 'quote', 'photo', 'location', 'story']::text[]),
	CONSTRAINT "family_members_minor_never_named" CHECK ("family_members"."display_name" is null or not "family_members"."is_minor"),
	CONSTRAINT "family_members_minor_nothing_shown" CHECK (not "family_members"."is_minor" or cardinality("family_members"."consent_scope") = 0),
	CONSTRAINT "family_members_named_only_if_advocate" CHECK ("family_members"."display_name" is null or "family_members"."public_advocate")
);
--> statement-breakpoint
CREATE TABLE "profile_designations" (
	"profile_id" text NOT NULL,
	"position" integer NOT NULL,
	"designated_by" text NOT NULL,
	"kind" text NOT NULL,
	"date" text,
	"withdrawn" text,
	"source" text NOT NULL,
	CONSTRAINT "profile_designations_profile_id_position_pk" PRIMARY KEY("profile_id","position")
);
--> statement-breakpoint
CREATE TABLE "profile_names" (
	"profile_id" text NOT NULL,
	"position" integer NOT NULL,
	"value" text NOT NULL,
	"lang" text,
	"script" text,
	"kind" text NOT NULL,
	"searchable" boolean NOT NULL,
	CONSTRAINT "profile_names_profile_id_position_pk" PRIMARY KEY("profile_id","position"),
	CONSTRAINT "profile_names_kind_known" CHECK ("profile_names"."kind" in ('primary', 'native', 'transliteration', 'alias', 'former', 'short'))
);
--> statement-breakpoint
CREATE TABLE "profile_quotes" (
	"profile_id" text NOT NULL,
	"position" integer NOT NULL,
	"text" text NOT NULL,
	"speaker" text NOT NULL,
	"lang" text NOT NULL,
	"is_translation" boolean NOT NULL,
	"source" text NOT NULL,
	CONSTRAINT "profile_quotes_profile_id_position_pk" PRIMARY KEY("profile_id","position")
);
--> statement-breakpoint
CREATE TABLE "profile_sources" (
	"profile_id" text NOT NULL,
	"position" integer NOT NULL,
	"source_id" text NOT NULL,
	"url" text NOT NULL,
	"title" text NOT NULL,
	"publisher" text NOT NULL,
	"published_at" text,
	"accessed_at" date,
	CONSTRAINT "profile_sources_profile_id_position_pk" PRIMARY KEY("profile_id","position"),
	CONSTRAINT "profile_sources_source_id_unique" UNIQUE("profile_id","source_id")
);
--> statement-breakpoint
CREATE TABLE "profiles" (
	"id" text PRIMARY KEY NOT NULL,
	"seq" integer GENERATED ALWAYS AS IDENTITY (sequence name "profiles_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"campaign_id" text NOT NULL,
	"display_name" text NOT NULL,
	"gender" text,
	"birth_year" integer,
	"nationality" text[] NOT NULL,
	"country_code" text NOT NULL,
	"country_label" text,
	"occupations" text[] NOT NULL,
	"affiliations" text[] NOT NULL,
	"tags" text[] NOT NULL,
	"summary_text" text NOT NULL,
	"summary_sources" text[] NOT NULL,
	"family_story" jsonb,
	"photo" jsonb,
	"last_verified_at" date NOT NULL,
	"verified_by" text NOT NULL,
	"confidence" text NOT NULL,
	"visibility" text NOT NULL,
	"takedown_at" text,
	"takedown_by" text,
	"takedown_reason" text,
	"current_status" text NOT NULL,
	"status_as_of" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "profiles_seq_unique" UNIQUE("seq"),
	CONSTRAINT "profiles_gender_known" CHECK ("profiles"."gender" is null or "profiles"."gender" in ('female', 'male', 'other')),
	CONSTRAINT "profiles_confidence_known" CHECK ("profiles"."confidence" in ('confirmed', 'unconfirmed')),
	CONSTRAINT "profiles_visibility_known" CHECK ("profiles"."visibility" in ('public', 'withheld')),
	CONSTRAINT "profiles_current_status_known" CHECK ("profiles"."current_status" in ('pretrial_detention', 'on_trial', 'sentenced', 'house_arrest', 'disappeared', 'conditionally_released', 'released', 'exiled', 'died_in_custody', 'died', 'unknown')),
	CONSTRAINT "profiles_status_as_of_partial_date" CHECK ("profiles"."status_as_of" ~ '^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$'),
	CONSTRAINT "profiles_takedown_complete" CHECK (("profiles"."takedown_at" is null) = ("profiles"."takedown_by" is null) and ("profiles"."takedown_at" is null) = ("profiles"."takedown_reason" is null)),
	CONSTRAINT "profiles_takedown_withheld" CHECK ("profiles"."takedown_at" is null or "profiles"."visibility" = 'withheld')
);
--> statement-breakpoint
CREATE TABLE "featured_days" (
	"campaign_id" text NOT NULL,
	"local_date" date NOT NULL,
	"profile_id" text NOT NULL,
	"cycle" integer NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "featured_days_campaign_id_local_date_pk" PRIMARY KEY("campaign_id","local_date"),
	CONSTRAINT "featured_days_cycle_not_negative" CHECK ("featured_days"."cycle" >= 0)
);
--> statement-breakpoint
CREATE TABLE "spotlights" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "spotlights_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"scope" text NOT NULL,
	"channel_ref" text NOT NULL,
	"community_ref" text NOT NULL,
	"campaign_id" text NOT NULL,
	"profile_id" text NOT NULL,
	"local_date" date NOT NULL,
	"local_time" text,
	"timezone" text NOT NULL,
	"state" text NOT NULL,
	"created_by" text NOT NULL,
	"cancel_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "spotlights_scope_known" CHECK ("spotlights"."scope" in ('channel', 'community')),
	CONSTRAINT "spotlights_state_known" CHECK ("spotlights"."state" in ('scheduled', 'cancelled', 'posted')),
	CONSTRAINT "spotlights_local_time_hh_mm" CHECK ("spotlights"."local_time" is null or "spotlights"."local_time" ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$')
);
--> statement-breakpoint
CREATE TABLE "subscriptions" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "subscriptions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"channel_ref" text NOT NULL,
	"community_ref" text NOT NULL,
	"campaign_id" text NOT NULL,
	"post_time" text NOT NULL,
	"timezone" text NOT NULL,
	"state" text NOT NULL,
	"paused_reason" text,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "subscriptions_channel_ref_unique" UNIQUE("channel_ref"),
	CONSTRAINT "subscriptions_state_known" CHECK ("subscriptions"."state" in ('active', 'paused', 'stopped')),
	CONSTRAINT "subscriptions_post_time_hh_mm" CHECK ("subscriptions"."post_time" ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$')
);
--> statement-breakpoint
ALTER TABLE "detentions" ADD CONSTRAINT "detentions_profile_id_profiles_id_fk" FOREIGN KEY ("profile_id") REFERENCES "public"."profiles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "family_members" ADD CONSTRAINT "family_members_profile_id_profiles_id_fk" FOREIGN KEY ("profile_id") REFERENCES "public"."profiles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "profile_designations" ADD CONSTRAINT "profile_designations_profile_id_profiles_id_fk" FOREIGN KEY ("profile_id") REFERENCES "public"."profiles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "profile_names" ADD CONSTRAINT "profile_names_profile_id_profiles_id_fk" FOREIGN KEY ("profile_id") REFERENCES "public"."profiles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "profile_quotes" ADD CONSTRAINT "profile_quotes_profile_id_profiles_id_fk" FOREIGN KEY ("profile_id") REFERENCES "public"."profiles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "profile_quotes" ADD CONSTRAINT "profile_quotes_speaker_fk" FOREIGN KEY ("profile_id","speaker") REFERENCES "public"."family_members"("profile_id","member_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "profile_sources" ADD CONSTRAINT "profile_sources_profile_id_profiles_id_fk" FOREIGN KEY ("profile_id") REFERENCES "public"."profiles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "profiles" ADD CONSTRAINT "profiles_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "featured_days" ADD CONSTRAINT "featured_days_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "featured_days" ADD CONSTRAINT "featured_days_profile_id_profiles_id_fk" FOREIGN KEY ("profile_id") REFERENCES "public"."profiles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "spotlights" ADD CONSTRAINT "spotlights_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "spotlights" ADD CONSTRAINT "spotlights_profile_id_profiles_id_fk" FOREIGN KEY ("profile_id") REFERENCES "public"."profiles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subscriptions" ADD CONSTRAINT "subscriptions_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_log_entity_idx" ON "audit_log" USING btree ("entity_type","entity_id");--> statement-breakpoint
CREATE UNIQUE INDEX "campaigns_single_default" ON "campaigns" USING btree ("is_default") WHERE "campaigns"."is_default";--> statement-breakpoint
CREATE INDEX "profiles_campaign_idx" ON "profiles" USING btree ("campaign_id","seq");--> statement-breakpoint
CREATE INDEX "spotlights_scheduled_by_date_idx" ON "spotlights" USING btree ("local_date") WHERE "spotlights"."state" = 'scheduled';--> statement-breakpoint
CREATE INDEX "spotlights_profile_idx" ON "spotlights" USING btree ("profile_id");