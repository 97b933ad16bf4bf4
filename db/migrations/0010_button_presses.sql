CREATE TABLE "button_presses" (
	"day" date NOT NULL,
	"platform" text NOT NULL,
	"profile_id" text NOT NULL,
	"button" text NOT NULL,
	"presses" integer NOT NULL,
	CONSTRAINT "button_presses_key" PRIMARY KEY("day","platform","profile_id","button"),
	CONSTRAINT "button_presses_platform_known" CHECK ("button_presses"."platform" in ('console', 'discord', 'slack', 'telegram')),
	CONSTRAINT "button_presses_positive" CHECK ("button_presses"."presses" > 0)
);
