/**
 * Uploads between a dry run and its "Apply": kept here, in memory, under a random token bound to the
 * session that uploaded them, so Apply imports exactly the files that were checked and a form field can
 * never carry content. Bounded: a few uploads at most (each within the upload limits), the oldest dropped
 * first, each forgotten after a while; one per session (a new upload replaces the last).
 */
import { createHash, randomBytes } from "node:crypto";
import type { NamedFile } from "../services/catalog-import.ts";

interface Pending {
  owner: string;
  files: readonly NamedFile[];
  expires: number;
}

/** How long a dry run can be applied. */
export const PENDING_MINUTES = 30;

export class PendingImports {
  private readonly entries = new Map<string, Pending>();

  constructor(
    private readonly maxEntries = 8,
    private readonly ttlMs = PENDING_MINUTES * 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Keeps the files for this session; the token to apply them with. */
  put(sessionToken: string, files: readonly NamedFile[]): string {
    const owner = ownerOf(sessionToken);
    this.sweep();
    for (const [token, entry] of this.entries) if (entry.owner === owner) this.entries.delete(token);
    // Map order is insertion order: the first entries are the oldest.
    while (this.entries.size >= this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
    const token = randomBytes(24).toString("base64url");
    this.entries.set(token, { owner, files, expires: this.now() + this.ttlMs });
    return token;
  }

  /** The files kept under `token` for this session; undefined when expired, dropped or someone else's. */
  get(sessionToken: string, token: unknown): readonly NamedFile[] | undefined {
    if (typeof token !== "string") return undefined;
    this.sweep();
    const entry = this.entries.get(token);
    return entry && entry.owner === ownerOf(sessionToken) ? entry.files : undefined;
  }

  forget(token: string): void {
    this.entries.delete(token);
  }

  private sweep(): void {
    const now = this.now();
    for (const [token, entry] of this.entries) if (entry.expires <= now) this.entries.delete(token);
  }
}

/** The session's token is a secret: only its hash is kept beside the files. */
function ownerOf(sessionToken: string): string {
  return createHash("sha256").update(sessionToken).digest("base64url");
}
