/**
 * Checks no single document can make: ids unique across every file read, at most one default campaign,
 * and every profile's campaign either imported alongside it or already known. They run on raw ids, so a
 * duplicate is reported even while one of the copies has other problems.
 */
import type { ImportProblem } from "../core/errors.ts";
import { formatPath } from "./document.ts";
import type { RecordRef } from "./read-document.ts";
import { sourceLanguageProblems } from "./translation-refs.ts";

export function crossCheck(
  refs: readonly RecordRef[],
  knownCampaignIds: ReadonlySet<string>,
  /** Stored campaigns' source languages, so a profile's translations can be checked against them. */
  knownSourceLanguages: ReadonlyMap<string, string> = new Map(),
): ImportProblem[] {
  const problems: ImportProblem[] = [];
  const at = (ref: RecordRef, field: string, message: string): ImportProblem => ({
    file: ref.file,
    path: formatPath([...ref.path, field]),
    line: ref.lineAt([...ref.path, field]),
    message,
  });
  const where = (ref: RecordRef) => {
    const line = ref.lineAt([...ref.path, "id"]);
    return `${ref.file}${line ? `:${line}` : ""}`;
  };

  const seen = new Map<string, RecordRef>();
  for (const ref of refs) {
    if (ref.id === undefined) continue;
    const key = `${ref.kind}:${ref.id}`;
    const first = seen.get(key);
    if (first) problems.push(at(ref, "id", `duplicate ${ref.kind} id "${ref.id}": also in ${where(first)}`));
    else seen.set(key, ref);
  }

  const defaults = refs.filter((r) => r.kind === "campaign" && r.isDefault);
  const firstDefault = defaults[0];
  for (const ref of defaults.slice(1)) {
    if (!firstDefault) break;
    problems.push(
      at(
        ref,
        "isDefault",
        `only one campaign may be the default: "${ref.id ?? "?"}" and "${firstDefault.id ?? "?"}" ` +
          `(${where(firstDefault)}) both are`,
      ),
    );
  }

  const imported = new Set(refs.filter((r) => r.kind === "campaign" && r.id).map((r) => r.id as string));
  for (const ref of refs) {
    if (ref.kind !== "profile" || ref.campaign === undefined) continue;
    if (imported.has(ref.campaign) || knownCampaignIds.has(ref.campaign)) continue;
    const known = [...new Set([...imported, ...knownCampaignIds])].sort();
    problems.push(
      at(
        ref,
        "campaign",
        `unknown campaign "${ref.campaign}": import its campaign file too, or use one of the known ` +
          `campaigns (${known.length > 0 ? known.join(", ") : "none"})`,
      ),
    );
  }
  problems.push(...sourceLanguageProblems(refs, knownSourceLanguages));
  return problems;
}
