import type { MessageKey, MessageValues } from "./i18n/translator.ts";
import { english } from "./i18n/translator.ts";

/**
 * Typed errors. A UserError is the caller's mistake or a refusal, and its message is safe to show as it is;
 * anything else is a bug or an outage, logged in full and shown only as a generic apology.
 */
export type ErrorCode =
  | "NOT_A_MODERATOR"
  | "INVALID_ARGUMENTS"
  | "PROFILE_NOT_FOUND"
  | "PROFILE_NOT_AVAILABLE"
  | "CAMPAIGN_NOT_FOUND"
  | "NOT_SUBSCRIBED"
  | "SPOTLIGHT_NOT_FOUND"
  | "SPOTLIGHT_DATE_TAKEN"
  | "NOTHING_TO_FEATURE"
  | "UNKNOWN_COMMAND"
  | "INVALID_CONFIG"
  | "INVALID_IMPORT"
  | "PLATFORM_FAILURE"
  | "INTERNAL";

export class BotError extends Error {
  constructor(
    message: string,
    readonly code: ErrorCode,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** A message for a user, to be said in their language: a catalog key and its values. */
export interface Text {
  key: MessageKey;
  values?: MessageValues;
}

/**
 * A mistake or refusal the user can act on. Given a `Text`, it is said in the reader's language (the
 * dispatcher translates it); `message` holds its English, for logs and the operator's command line.
 */
export class UserError extends BotError {
  readonly text: Text | undefined;
  constructor(message: string | Text, code: ErrorCode, options?: { cause?: unknown }) {
    super(typeof message === "string" ? message : english.t(message.key, message.values), code, options);
    this.text = typeof message === "string" ? undefined : message;
  }
}

/** Configuration that cannot run; lists every problem at once, never a secret's value. */
export class ConfigError extends BotError {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`, "INVALID_CONFIG");
  }
}

/** One problem found in an import file: which file, where in it, and what is allowed. */
export interface ImportProblem {
  file: string;
  /** Path inside the document, e.g. `detentions[0].status`; empty for the whole document. */
  path: string;
  /** 1-based line in the file, where known. */
  line?: number;
  message: string;
}

export class ImportError extends BotError {
  constructor(readonly problems: readonly ImportProblem[]) {
    super(
      `Import refused, nothing was changed (${problems.length} problem${problems.length === 1 ? "" : "s"}):\n` +
        problems
          .map((p) => `  ${p.file}${p.line ? `:${p.line}` : ""} ${p.path || "(document)"}: ${p.message}`)
          .join("\n"),
      "INVALID_IMPORT",
    );
  }
}

/** A platform call failed; carries the platform and the SDK's error as the cause. */
export class PlatformError extends BotError {
  constructor(
    message: string,
    readonly platform: string,
    options?: { cause?: unknown },
  ) {
    super(message, "PLATFORM_FAILURE", options);
  }
}
