/** Matches as the tiers produce them: one per profile, with the name that matched best. */

export interface Match {
  profile: number;
  nameId: number;
  score: number;
}

/** The best few matches of many, best first (score descending, then profile order), and how many there were. */
export class TopMatches {
  total = 0;
  readonly best: Match[] = [];

  constructor(private readonly limit: number) {}

  offer(profile: number, nameId: number, score: number): void {
    this.total++;
    const worst = this.best.at(-1);
    if (this.best.length >= this.limit && worst !== undefined && !isBetter(score, profile, worst)) return;
    let at = this.best.length;
    while (at > 0 && isBetter(score, profile, this.best[at - 1]!)) at--;
    this.best.splice(at, 0, { profile, nameId, score });
    if (this.best.length > this.limit) this.best.pop();
  }
}

function isBetter(score: number, profile: number, than: Match): boolean {
  return score > than.score || (score === than.score && profile < than.profile);
}
