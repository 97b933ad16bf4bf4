/**
 * Recognises what a document holds (a profile, a list, a campaign or an export bundle), validates each
 * record with the one schema, and notes where every record sits for the checks across files.
 */
import type { z } from "zod";
import type { ImportProblem } from "../core/errors.ts";
import { type Campaign, campaignSchema, type Profile, profileSchema } from "../core/profile.ts";
import { type DocPath, formatPath, isPlainObject, type ParsedDocument } from "./document.ts";
import { allowedKeys, describeIssue, describeUnknownKey } from "./issue-message.ts";
import { rawTranslationLanguages, translationContext } from "./translation-refs.ts";

/** Where a record was found, with the raw fields the cross-file checks need even when it is invalid. */
export interface RecordRef {
  kind: "profile" | "campaign";
  file: string;
  /** Where the record sits inside its document: `[]`, `[2]` or `["profiles", 2]`. */
  path: DocPath;
  /** Line lookup in the record's document, for problems about any of its fields. */
  lineAt: ParsedDocument["lineAt"];
  /** `lineAt` is cheap to keep (ParsedDocument.linesKeepText). */
  linesKeepText?: boolean;
  id: string | undefined;
  /** A profile's campaign id. */
  campaign: string | undefined;
  isDefault: boolean;
  /** A campaign's raw sourceLanguage. */
  sourceLanguage?: string;
  /** A profile's translations or a campaign's textTranslations with a readable language, by position. */
  translations: { index: number; language: string }[];
}

export interface DocumentContents {
  campaigns: Campaign[];
  profiles: Profile[];
  refs: RecordRef[];
  problems: ImportProblem[];
}

const BUNDLE_KEYS = ["campaigns", "profiles"];

export function readDocument(file: string, doc: ParsedDocument): DocumentContents {
  const out: DocumentContents = { campaigns: [], profiles: [], refs: [], problems: [] };
  const { value } = doc;
  if (Array.isArray(value)) {
    value.forEach((item, i) =>
      readRecord(out, file, doc, item, [i], isCampaign(item) ? "campaign" : "profile"),
    );
  } else if (isPlainObject(value) && isCampaign(value)) {
    readRecord(out, file, doc, value, [], "campaign");
  } else if (isPlainObject(value) && isBundle(value)) {
    readBundle(out, file, doc, value);
  } else if (isPlainObject(value)) {
    readRecord(out, file, doc, value, [], "profile");
  } else {
    out.problems.push({
      file,
      path: "",
      line: doc.lineAt([]),
      message:
        "expected a profile, a list of profiles, a campaign, or a bundle with `campaigns` and `profiles`",
    });
  }
  return out;
}

function isCampaign(value: unknown): boolean {
  return isPlainObject(value) && "hashtag" in value;
}

/** The export format; a profile or campaign always has an `id`, a bundle never does. */
function isBundle(value: Record<string, unknown>): boolean {
  return !("id" in value) && BUNDLE_KEYS.some((key) => key in value);
}

function readBundle(
  out: DocumentContents,
  file: string,
  doc: ParsedDocument,
  bundle: Record<string, unknown>,
) {
  for (const key of Object.keys(bundle)) {
    if (!BUNDLE_KEYS.includes(key)) {
      out.problems.push({
        file,
        path: formatPath([key]),
        line: doc.lineAt([key]),
        message: describeUnknownKey(key, BUNDLE_KEYS),
      });
    }
  }
  for (const key of BUNDLE_KEYS) {
    const list = bundle[key];
    if (list === undefined) continue;
    if (!Array.isArray(list)) {
      out.problems.push({ file, path: key, line: doc.lineAt([key]), message: `expected a list of ${key}` });
      continue;
    }
    const kind = key === "campaigns" ? "campaign" : "profile";
    list.forEach((item, i) => readRecord(out, file, doc, item, [key, i], kind));
  }
}

function readRecord(
  out: DocumentContents,
  file: string,
  doc: ParsedDocument,
  raw: unknown,
  prefix: DocPath,
  kind: RecordRef["kind"],
): void {
  const fields = isPlainObject(raw) ? raw : {};
  const ref: RecordRef = {
    kind,
    file,
    path: prefix,
    lineAt: doc.lineAt,
    ...(doc.linesKeepText ? { linesKeepText: true } : {}),
    id: typeof fields.id === "string" ? fields.id : undefined,
    campaign: typeof fields.campaign === "string" ? fields.campaign : undefined,
    isDefault: fields.isDefault === true,
    ...(typeof fields.sourceLanguage === "string" ? { sourceLanguage: fields.sourceLanguage } : {}),
    translations: rawTranslationLanguages(fields, kind),
  };
  out.refs.push(ref);
  const schema: z.ZodType<Campaign | Profile> = kind === "campaign" ? campaignSchema : profileSchema;
  const result = schema.safeParse(raw);
  if (result.success) {
    if (kind === "campaign") out.campaigns.push(result.data as Campaign);
    else out.profiles.push(result.data as Profile);
    return;
  }
  for (const issue of result.error.issues) {
    const path = [...prefix, ...issue.path];
    if (issue.code === "unrecognized_keys") {
      // zod reports all unknown keys of an object at once; each gets its own line and message.
      for (const key of issue.keys) {
        out.problems.push({
          file,
          path: formatPath([...path, key]),
          line: doc.lineAt([...path, key]),
          message:
            translationContext(ref, issue.path) + describeUnknownKey(key, allowedKeys(schema, issue.path)),
        });
      }
      continue;
    }
    out.problems.push({
      file,
      path: formatPath(path),
      line: doc.lineAt(path),
      message: translationContext(ref, issue.path) + describeIssue(issue, raw),
    });
  }
}
