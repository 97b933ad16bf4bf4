/**
 * One copy of each repeated value among a catalog version's heads. Heads are read from the store (or
 * decoded from records) one by one, so 50,000 of them held 50,000 copies of the campaign's id, of
 * "sentenced", of { visibility: "public" } and of each date: about 13 MB of the 26 MB their heads took.
 * Heads are never modified (CatalogEntry's profile is read-only), so sharing values between them is safe.
 */
import type { DetentionHead, ProfileHead } from "../core/profile-head.ts";

export type HeadPool = (head: ProfileHead) => ProfileHead;

/** A pool for one catalog version's load; dropped with it, so values of older versions are not kept. */
export function headPool(): HeadPool {
  const strings = new Map<string, string>();
  const publications = new Map<string, ProfileHead["publication"]>();
  const one = <T extends string | undefined>(value: T): T => {
    if (value === undefined) return value;
    const known = strings.get(value);
    if (known !== undefined) return known as T;
    strings.set(value, value);
    return value;
  };
  const detention = (d: DetentionHead): DetentionHead => ({
    arrestDate: one(d.arrestDate),
    status: one(d.status),
    statusAsOf: one(d.statusAsOf),
    ...(d.sentenceDate !== undefined ? { sentenceDate: one(d.sentenceDate) } : {}),
  });
  return (head) => {
    const key = JSON.stringify(head.publication);
    let publication = publications.get(key);
    if (publication === undefined) {
      publication = head.publication;
      publications.set(key, publication);
    }
    return {
      ...head,
      campaign: one(head.campaign),
      ...(head.gender !== undefined ? { gender: one(head.gender) } : {}),
      lastVerifiedAt: one(head.lastVerifiedAt),
      publication,
      detentions: head.detentions.map(detention),
    };
  };
}
