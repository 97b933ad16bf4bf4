/** The Presenter port for the composition root: stored profiles in, cards and share kits out. */
import type { Presenter } from "../core/services.ts";
import { buildCard } from "./card.ts";
import { buildShareKit } from "./share.ts";

export function createPresenter(): Presenter {
  return {
    card: (stored, campaign) => buildCard(stored.profile, campaign),
    shareKit: (stored, campaign) => buildShareKit(stored.profile, campaign),
  };
}
