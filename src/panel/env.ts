/** What the panel's middleware hands to its routes, and the small helpers they share. */
import type { Context } from "hono";
import type { MessageKey, Translator } from "../core/i18n/translator.ts";
import type { StaffRole } from "../core/staff.ts";
import type { StaffOAuthPlatform } from "../core/staff-oauth.ts";
import { html, type Html } from "./html.ts";
import type { Viewer } from "./layout.ts";

export interface PanelEnv {
  /** `tr`: the staff member's language (i18n.ts); `here`: this page's path and query, for the picker. */
  /** `signInWith`: the platforms one may sign in with (Discord, Slack), for the sign-in page. */
  Variables: {
    viewer: Viewer;
    sessionToken: string;
    tr: Translator;
    here: string;
    signInWith: readonly StaffOAuthPlatform[];
  };
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

/**
 * The page asked for in `?page=` of a list the storage pages (`read` gets an offset and a limit): past the
 * end, the last page, as pageOf does.
 */
export async function pageFrom<T>(
  asked: string | undefined,
  read: (at: { offset: number; limit: number }) => Promise<{ total: number; items: T[] }>,
): Promise<{ page: number; pages: number; total: number; items: T[] }> {
  const wanted = Number.parseInt(asked ?? "1", 10);
  let page = Number.isFinite(wanted) ? Math.max(1, wanted) : 1;
  let found = await read({ offset: (page - 1) * PAGE_SIZE, limit: PAGE_SIZE });
  const pages = Math.max(1, Math.ceil(found.total / PAGE_SIZE));
  if (page > pages) {
    page = pages;
    found = await read({ offset: (page - 1) * PAGE_SIZE, limit: PAGE_SIZE });
  }
  return { page, pages, total: found.total, items: found.items };
}

/** "Previous" and "Next" links that keep the other query parameters (search, filters). */
export function pager(
  c: PanelContext,
  at: { page: number; pages: number },
  total: number,
  count: "panel.pagerProfiles" | "panel.pagerSubscriptions" | "panel.pagerChannels" | "deliveryLog.pager",
): Html {
  const tr = c.get("tr");
  const link = (page: number, label: string, rel: string) => {
    const url = new URL(c.req.url);
    url.searchParams.set("page", String(page));
    return html`<a href="${url.pathname}${url.search}" rel="${rel}">${label}</a>`;
  };
  return html`<nav class="pager" aria-label="${tr.t("panel.pages")}">
    ${at.page > 1 ? link(at.page - 1, tr.t("panel.previous"), "prev") : ""}
    <span>${tr.t(count, { page: at.page, pages: at.pages, total })}</span>
    ${at.page < at.pages ? link(at.page + 1, tr.t("panel.next"), "next") : ""}
  </nav>`;
}

/** The notices a change redirects with (`?done=…`): fixed words, so a link cannot put text on the page. */
const NOTICES: Readonly<Record<string, MessageKey>> = {
  "taken-down": "panel.noticeTakenDown",
  "already-down": "panel.noticeAlreadyDown",
  restored: "panel.noticeRestored",
  verified: "panelImport.noticeVerified",
  paused: "panel.noticePaused",
  resumed: "panel.noticeResumed",
  revoked: "panel.noticeRevoked",
  "options-saved": "panelOptions.saved",
  "spotlight-scheduled": "panelCalendar.noticeScheduled",
  "spotlight-cancelled": "panelCalendar.noticeCancelled",
};

export const noticeOf = (c: PanelContext): string | undefined => {
  const done = c.req.query("done") ?? "";
  const key = Object.hasOwn(NOTICES, done) ? NOTICES[done] : undefined;
  return key ? c.get("tr").t(key) : undefined;
};
