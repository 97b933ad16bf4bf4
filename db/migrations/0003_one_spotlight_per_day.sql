-- Written by hand before drizzle-kit's indexes: a database from before them may hold several scheduled
-- spotlights for one channel (or community) and date. The planner posted the first (lowest id) of them and
-- the others stayed "scheduled" forever, so the others are cancelled, with an audit entry each, and the
-- unique indexes below can then be built.
WITH "ranked" AS (
	SELECT "id", row_number() OVER (
		PARTITION BY "scope", CASE WHEN "scope" = 'channel' THEN "channel_ref" ELSE "community_ref" END, "local_date"
		ORDER BY "id"
	) AS "n"
	FROM "spotlights"
	WHERE "state" = 'scheduled'
), "cancelled" AS (
	UPDATE "spotlights" SET "state" = 'cancelled',
		"cancel_reason" = 'another spotlight was already scheduled for the same date'
	FROM "ranked"
	WHERE "spotlights"."id" = "ranked"."id" AND "ranked"."n" > 1
	RETURNING "spotlights"."id"
)
INSERT INTO "audit_log" ("actor", "action", "entity_type", "entity_id", "details")
SELECT 'migration', 'spotlight.cancelled', 'spotlight', "id"::text,
	jsonb_build_object('reason', 'another spotlight was already scheduled for the same date')
FROM "cancelled";--> statement-breakpoint
CREATE UNIQUE INDEX "spotlights_one_per_channel_day" ON "spotlights" USING btree ("channel_ref","local_date") WHERE "spotlights"."state" = 'scheduled' and "spotlights"."scope" = 'channel';--> statement-breakpoint
CREATE UNIQUE INDEX "spotlights_one_per_community_day" ON "spotlights" USING btree ("community_ref","local_date") WHERE "spotlights"."state" = 'scheduled' and "spotlights"."scope" = 'community';