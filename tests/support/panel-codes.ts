/** The codes the panel shows translated (states, roles, consent, visibility): never "data" in the language tests. */
import { DELIVERY_STATES } from "../../src/core/delivery.ts";
import { CONSENT_SCOPES, CONSENT_STATUSES, DETENTION_STATUSES } from "../../src/core/profile.ts";

export const PANEL_CODES: readonly string[] = [
  ...DELIVERY_STATES,
  ...CONSENT_STATUSES,
  ...CONSENT_SCOPES,
  ...DETENTION_STATUSES,
  ...["active", "paused", "stopped", "public", "withheld", "confirmed", "unconfirmed"],
  ...["viewer", "editor", "admin"],
];
