/**
 * Calls to action: what a reader can do for a prisoner and their family (write a letter, sign a petition,
 * contact an official, follow the family's own channel). Each one names its source and the date it was
 * last known to stand (`asOf`): an address or a petition goes out of date, so an action older than
 * STALE_AFTER_DAYS is not shown (presentation/actions.ts). A profile's actions come before its campaign's.
 */
import { z } from "zod";
import { isoDateSchema } from "./partial-date.ts";
import { observedDate } from "./plausible-values.ts";
import { webUrl } from "./web-url.ts";

const text = z.string().trim().min(1, { error: "must not be empty" });
const common = {
  /** Where the action was published (the organisation's page, the family's statement). */
  source: webUrl,
  /** When a curator last saw it stand. */
  asOf: observedDate(isoDateSchema, "asOf"),
};

export const ACTION_KINDS = ["letter", "petition", "official", "family_channel"] as const;
export type ActionKind = (typeof ACTION_KINDS)[number];

export const letterActionSchema = z.strictObject({
  kind: z.literal("letter"),
  /** The postal address, lines as they are written on the envelope. */
  address: text.max(500),
  /** The language to write in, a BCP 47 tag (e.g. "az", "en"). */
  writeIn: z
    .string()
    .regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/, { error: "expected a language tag such as az" }),
  /** What not to write (it could harm the prisoner), in the campaign's words. */
  avoid: text.max(500).optional(),
  ...common,
});

export const petitionActionSchema = z.strictObject({
  kind: z.literal("petition"),
  url: webUrl,
  /** Who runs it: "Amnesty International". */
  by: text.max(200),
  ...common,
});

export const officialActionSchema = z.strictObject({
  kind: z.literal("official"),
  name: text.max(200),
  role: text.max(200),
  url: webUrl,
  ...common,
});

export const familyChannelActionSchema = z.strictObject({
  kind: z.literal("family_channel"),
  url: webUrl,
  /** The family member whose channel it is: shown only while they may be named (presentation/consent.ts). */
  member: z.string().min(1),
  ...common,
});

export const actionSchema = z.discriminatedUnion(
  "kind",
  [letterActionSchema, petitionActionSchema, officialActionSchema, familyChannelActionSchema],
  { error: `expected an action whose kind is one of: ${ACTION_KINDS.join(", ")}` },
);
/** At most ten: a reader acts on a few clear asks, and every platform's answer stays within its limits. */
export const ACTIONS_MAX = 10;
export const actionsSchema = z
  .array(actionSchema)
  .min(1, { error: "leave actions out when there are none" })
  .max(ACTIONS_MAX, { error: `at most ${ACTIONS_MAX} actions` });
export type Action = z.infer<typeof actionSchema>;

/** The campaign's page for a profile: an http(s) URL with "{id}" where the profile's id goes. */
export const profileUrlSchema = webUrl.refine((u) => u.includes("{id}"), {
  error: 'expected "{id}" where the profile\'s id goes, e.g. https://example.org/prisoners/{id}',
});

/** The campaign's page for one profile, or undefined when the campaign has none. */
export function profilePageUrl(campaign: { profileUrl?: string }, profileId: string): string | undefined {
  return campaign.profileUrl?.replaceAll("{id}", encodeURIComponent(profileId));
}

/**
 * Cross-field rules. `family`: the ids of the profile's family members; undefined for a campaign, which
 * has no family and so may not list a family's channel.
 */
export function checkActions(
  actions: readonly Action[],
  at: (string | number)[],
  family: ReadonlySet<string> | undefined,
  issue: (path: (string | number)[], message: string) => void,
): void {
  actions.forEach((action, i) => {
    if (action.kind !== "family_channel") return;
    if (family === undefined)
      issue(
        [...at, i, "kind"],
        "a campaign's actions may not list a family's channel: put it on the profile",
      );
    else if (!family.has(action.member))
      issue(
        [...at, i, "member"],
        `unknown family member id "${action.member}"; known: ${[...family].join(", ") || "none"}`,
      );
  });
}

/** The keys of each kind in the schema's order, for reading an action back from jsonb as it was written. */
export const ACTION_KEY_ORDER: Readonly<Record<ActionKind, readonly string[]>> = {
  letter: Object.keys(letterActionSchema.shape),
  petition: Object.keys(petitionActionSchema.shape),
  official: Object.keys(officialActionSchema.shape),
  family_channel: Object.keys(familyChannelActionSchema.shape),
};

/** An action with its keys in the schema's order (jsonb keeps the shortest first). */
export function orderedAction(action: Action): Action {
  const record = action as unknown as Record<string, unknown>;
  const keys = ACTION_KEY_ORDER[action.kind];
  return Object.fromEntries(keys.filter((k) => k in record).map((k) => [k, record[k]])) as Action;
}
