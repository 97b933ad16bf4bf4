/** A card's status line read back in short, for sentences that name it (a refused spotlight, a lookup's list). */
import type { Card } from "./reply.ts";

/** A card's status in short, "Released (conditionally) on 13 August 2018": without the release's note. */
export function statusOf(card: Card): string {
  const value = card.fields.find((f) => f.id === "status")?.value ?? "";
  // The Status line is shortStatus, then any release note after the colon of "card.statusWithNote" (": ",
  // French " : ", Chinese "："; src/presentation/wording.ts); no status label or date contains one.
  return value.split(/\s?: |：/)[0] ?? value;
}
