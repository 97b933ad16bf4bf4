/** What the panel's middleware hands to its routes, and the small helpers they share. */
import type { Context } from "hono";
import type { StaffRole } from "../core/staff.ts";
import { html, type Html } from "./html.ts";
import type { Viewer } from "./layout.ts";

export interface PanelEnv {
  Variables: { viewer: Viewer; sessionToken: string };
}

export type PanelContext = Context<PanelEnv>;

const RANK: Record<StaffRole, number> = { viewer: 0, editor: 1, admin: 2 };

/** Whether the signed-in person's role reaches `role` (admin ⊃ editor ⊃ viewer). */
export const may = (viewer: Viewer, role: StaffRole): boolean => RANK[viewer.person.role] >= RANK[role];

export const PAGE_SIZE = 50;

/** The 1-based page asked for in `?page=`, and the slice of `items` it shows. */
export function pageOf<T>(
  items: readonly T[],
  asked: string | undefined,
): { page: number; pages: number; items: T[] } {
  const pages = Math.max(1, Math.ceil(items.length / PAGE_SIZE));
  const wanted = Number.parseInt(asked ?? "1", 10);
  const page = Number.isFinite(wanted) ? Math.min(Math.max(1, wanted), pages) : 1;
  return { page, pages, items: items.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE) };
}

/** "Previous" and "Next" links that keep the other query parameters (search, filters). */
export function pager(
  c: PanelContext,
  at: { page: number; pages: number },
  total: number,
  noun: string,
): Html {
  const link = (page: number, label: string, rel: string) => {
    const url = new URL(c.req.url);
    url.searchParams.set("page", String(page));
    return html`<a href="${url.pathname}${url.search}" rel="${rel}">${label}</a>`;
  };
  return html`<nav class="pager" aria-label="Pages">
    ${at.page > 1 ? link(at.page - 1, "← Previous", "prev") : ""}
    <span>Page ${at.page} of ${at.pages} · ${total} ${total === 1 ? noun.replace(/s$/, "") : noun}</span>
    ${at.page < at.pages ? link(at.page + 1, "Next →", "next") : ""}
  </nav>`;
}

/** The notices a change redirects with (`?done=…`): fixed words, so a link cannot put text on the page. */
export const NOTICES: Readonly<Record<string, string>> = {
  "taken-down": "Taken down: the profile is out of search, rotation and posts now.",
  "already-down": "It was already taken down; nothing changed.",
  restored: "Restored.",
  paused: "Paused: the channel gets no daily post until it is resumed.",
  resumed: "Resumed: the channel gets its daily post again from its next post time.",
  revoked: "Revoked: their sessions have ended and their links no longer work.",
};

export const noticeOf = (c: PanelContext): string | undefined => NOTICES[c.req.query("done") ?? ""];

/** "2026-12-07 01:15 UTC": an instant as staff read it in lists and records. */
export function utcMinute(at: Date | string): string {
  const date = typeof at === "string" ? new Date(at) : at;
  return Number.isNaN(date.getTime())
    ? String(at)
    : `${date.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}
