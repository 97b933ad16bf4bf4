ALTER TABLE "staff_people" ADD COLUMN "platform" text;--> statement-breakpoint
ALTER TABLE "staff_people" ADD COLUMN "platform_user_id" text;--> statement-breakpoint
CREATE UNIQUE INDEX "staff_people_platform_user_idx" ON "staff_people" USING btree ("platform","platform_user_id");--> statement-breakpoint
ALTER TABLE "staff_people" ADD CONSTRAINT "staff_people_platform_known" CHECK ("staff_people"."platform" in ('discord', 'slack'));--> statement-breakpoint
ALTER TABLE "staff_people" ADD CONSTRAINT "staff_people_platform_user" CHECK (("staff_people"."platform" is null) = ("staff_people"."platform_user_id" is null));