/**
 * The staff panel's Import page and "mark verified" over HTTP, on the real composition root (PGlite):
 * uploads through the importer the command line uses, problems with file, line and field, a dry run that
 * writes nothing, Apply from files kept server-side under a session-bound token, zips and limits, roles
 * and CSRF; a verification from the panel that a re-import of the older file keeps.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { strToU8, zipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPanelApp } from "../../../src/panel/app.ts";
import { UPLOAD_LIMITS } from "../../../src/services/catalog-import.ts";
import { type PanelWorld, startPanelWorld } from "../../support/panel-world.ts";

const DATA = fileURLToPath(new URL("../../../data/", import.meta.url));
const matouk = readFileSync(`${DATA}profiles/khalil-matouk.yaml`, "utf8");
const campaign = readFileSync(`${DATA}campaign.yaml`, "utf8");
const edited = matouk.replace("a human-rights lawyer and director", "a lawyer and the director");
const newcomer = matouk
  .replace("id: khalil-matouk", "id: new-person")
  .replace("displayName: Khalil Matouk", "displayName: New Person")
  .replace("{ value: Khalil Matouk, kind: primary", "{ value: New Person, kind: primary");
/** Line 27 holds `status:`; the importer must name that line and the field. */
const broken = matouk.replace("status: disappeared", "status: vanished");

let world: PanelWorld;
let panel: ReturnType<typeof createPanelApp>;

beforeAll(async () => {
  world = await startPanelWorld();
  panel = createPanelApp(world.deps, {
    clientAddress: () => "192.0.2.30",
    requestLimit: { limit: 10_000, windowMs: 60_000 },
    signInLimit: { limit: 1_000, windowMs: 60_000 },
  });
});
afterAll(() => world.close());

const request = (path: string, init: RequestInit & { cookie?: string } = {}) =>
  panel.request(path, {
    ...init,
    headers: { ...(init.cookie ? { cookie: init.cookie } : {}), ...(init.headers ?? {}) },
  });

async function signIn(name: string, role: "viewer" | "editor" | "admin") {
  const res = await request("/sign-in", {
    method: "POST",
    body: new URLSearchParams({ token: await world.linkToken(name, role) }).toString(),
    headers: { "content-type": "application/x-www-form-urlencoded" },
  });
  const cookie = (res.headers.get("set-cookie") ?? "").split(";")[0]!;
  const page = await (await request("/today", { cookie })).text();
  const csrf = /name="_csrf" value="([^"]+)"/.exec(page)?.[1] ?? "";
  return { cookie, csrf };
}

type Session = Awaited<ReturnType<typeof signIn>>;

function upload(session: Session, files: Record<string, string | Uint8Array>, csrf = session.csrf) {
  const body = new FormData();
  body.set("_csrf", csrf);
  for (const [name, content] of Object.entries(files)) body.append("files", new File([content], name));
  return request("/import", { method: "POST", body, cookie: session.cookie });
}

function post(session: Session, path: string, fields: Record<string, string>) {
  return request(path, {
    method: "POST",
    body: new URLSearchParams({ _csrf: session.csrf, ...fields }).toString(),
    headers: { "content-type": "application/x-www-form-urlencoded" },
    cookie: session.cookie,
  });
}

const tokenOf = (page: string) => /name="token" value="([^"]+)"/.exec(page)?.[1] ?? "";
const summaryOf = async (id: string) => (await world.app.repositories.catalog.getProfile(id))?.profile;

describe("the Import page", () => {
  it("shows a viewer the page without a form, and refuses a viewer's upload (403)", async () => {
    const viewer = await signIn("Import Reader", "viewer");
    const page = await (await request("/import", { cookie: viewer.cookie })).text();
    expect(page).toContain("Your role (viewer) reads only");
    expect(page).not.toContain('type="file"');
    expect(page).toContain('href="/import" aria-current="page"');
    const res = await upload(viewer, { "khalil-matouk.yaml": edited });
    expect(res.status).toBe(403);
    expect(await res.text()).toContain("Your role (viewer) may not import. Nothing changed.");
  });

  it("labels the file input and names the limits for an editor", async () => {
    const editor = await signIn("Import Labels", "editor");
    const page = await (await request("/import", { cookie: editor.cookie })).text();
    expect(page).toMatch(
      /<label for="files">[^<]+<\/label><br>\s*<input type="file" id="files" name="files" multiple/,
    );
    expect(page).toContain(`At most ${UPLOAD_LIMITS.maxFiles} files and 10 MB of files in one upload`);
  });

  it("refuses an upload without the CSRF token (403)", async () => {
    const editor = await signIn("Import Forger", "editor");
    expect((await upload(editor, { "khalil-matouk.yaml": edited }, "wrong")).status).toBe(403);
    expect((await summaryOf("khalil-matouk"))?.summary.text).toContain("a human-rights lawyer");
  });

  it("reports every problem with its file, line and field, and writes nothing", async () => {
    const editor = await signIn("Import Errors", "editor");
    const version = await world.app.repositories.catalog.version();
    const res = await upload(editor, { "khalil-matouk.yaml": broken, "notes.txt": "x" });
    expect(res.status).toBe(400);
    const page = await res.text();
    expect(page).toContain("Import refused: nothing was written");
    expect(page).toContain("expected a .yaml, .yml, .json or .zip file");
    const broke = await upload(editor, { "khalil-matouk.yaml": broken, "bad.json": '{"id": "x",}' });
    const report = await broke.text();
    expect(report).toMatch(
      /<code>khalil-matouk\.yaml<\/code><\/td>\s*<td data-label="Line" class="nowrap">27<\/td>\s*<td data-label="Field"><code>detentions\[0\]\.status<\/code>/,
    );
    expect(report).toMatch(/<code>bad\.json<\/code><\/td>\s*<td data-label="Line" class="nowrap">1<\/td>/);
    expect(report).toContain("2 problems found.");
    expect(await world.app.repositories.catalog.version()).toBe(version);
  });

  it("dry-runs an upload (nothing written), then applies exactly those files once, audited under the editor's name", async () => {
    const editor = await signIn("Import Editor", "editor");
    const version = await world.app.repositories.catalog.version();
    const res = await upload(editor, { "khalil-matouk.yaml": edited, "new-person.yaml": newcomer });
    expect(res.status).toBe(200);
    const dry = await res.text();
    expect(dry).toContain("Dry run: nothing is written yet");
    expect(dry).toContain("Profiles: 1 new, 1 changed, 0 unchanged.");
    expect(dry).toMatch(/New profiles<\/h2><ul class="ids"><li><code>new-person<\/code>/);
    expect(dry).toContain('<a href="/profiles/khalil-matouk"><code>khalil-matouk</code></a>');
    expect(dry).toMatch(/stored profiles are not in these files: kept/);
    expect(await world.app.repositories.catalog.version()).toBe(version);
    expect(await summaryOf("new-person")).toBeUndefined();

    // Another session cannot apply it.
    const other = await signIn("Import Other", "editor");
    const stolen = await post(other, "/import/apply", { token: tokenOf(dry) });
    expect(stolen.status).toBe(400);
    expect(await stolen.text()).toContain("This dry run has expired or was made in another session");

    const applied = await post(editor, "/import/apply", { token: tokenOf(dry) });
    expect(applied.status).toBe(200);
    const done = await applied.text();
    expect(done).toContain("Imported: the changes are live now.");
    expect(done).toContain('<a href="/profiles/new-person"><code>new-person</code></a>');
    expect((await summaryOf("khalil-matouk"))?.summary.text).toContain("a lawyer and the director");
    expect((await summaryOf("new-person"))?.displayName).toBe("New Person");
    const [entry] = await world.app.repositories.audit.list({ entityId: "new-person", limit: 1 });
    expect(entry).toMatchObject({ actor: "panel:Import Editor", action: "profile.created" });
    // Applied once: the token is spent.
    const again = await post(editor, "/import/apply", { token: tokenOf(dry) });
    expect(again.status).toBe(400);
  });

  it("lists a profile whose consent the files take back, and withdraws its posts on Apply, as the CLI does", async () => {
    const editor = await signIn("Import Consent", "editor");
    const withdrawn = matouk.replace(
      "    consent:\n      status: given",
      "    consent:\n      status: withdrawn",
    );
    expect(withdrawn).not.toBe(matouk);
    const dry = await (await upload(editor, { "khalil-matouk.yaml": withdrawn })).text();
    expect(dry).toMatch(
      /Consent withdrawn \(their recent posts are withdrawn by the next delivery pass\)<\/h2><ul class="ids"><li><a href="\/profiles\/khalil-matouk">/,
    );
    expect(dry).not.toContain("put up for withdrawal");
    const done = await (await post(editor, "/import/apply", { token: tokenOf(dry) })).text();
    expect(done).toContain("0 delivered posts put up for withdrawal.");
    expect((await summaryOf("khalil-matouk"))?.family[0]?.consent.status).toBe("withdrawn");
  });

  it("reads a zip of a folder (hidden and other entries skipped), and names the file-count limit", async () => {
    const editor = await signIn("Import Zipper", "editor");
    const zip = zipSync({
      "catalog/campaign.yaml": strToU8(campaign),
      "catalog/profiles/khalil-matouk.yaml": strToU8(matouk),
      "catalog/README.md": strToU8("not a catalog file"),
      "catalog/.hidden.yaml": strToU8("::: not yaml"),
      "__MACOSX/catalog/._campaign.yaml": strToU8("\u0000"),
    });
    const page = await (await upload(editor, { "catalog.zip": zip })).text();
    expect(page).toContain("2 files read, all valid.");
    expect(page).toContain("Campaigns: 0 new, 0 changed, 1 unchanged.");

    const many = Object.fromEntries(
      Array.from({ length: UPLOAD_LIMITS.maxFiles + 1 }, (_, i) => [`p${i}.yaml`, strToU8("id: x")]),
    );
    const refused = await upload(editor, { "many.zip": zipSync(many) });
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain(
      `more than ${UPLOAD_LIMITS.maxFiles} files; import at most ${UPLOAD_LIMITS.maxFiles} at a time`,
    );
    const broken = await upload(editor, { "broken.zip": strToU8("not a zip") });
    expect(await broken.text()).toContain("cannot read this zip");
  });

  it("refuses an upload over the size limit (413), naming it, before reading it", async () => {
    const editor = await signIn("Import Large", "editor");
    const res = await upload(editor, { "huge.yaml": "#".repeat(UPLOAD_LIMITS.requestBytes + 1) });
    expect(res.status).toBe(413);
    expect(await res.text()).toContain("The upload is larger than 5 MB, so nothing was read.");
    // Other forms keep their small limit.
    const form = await post(editor, "/profiles/ilgar-mammadov/takedown", { reason: "x".repeat(70_000) });
    expect(form.status).toBe(413);
  });
});

describe("marking a profile verified as of a date", () => {
  it("sets the date for an editor, audited, and a re-import of the older file keeps it", async () => {
    const editor = await signIn("Verifier", "editor");
    const profile = await (await request("/profiles/khalil-matouk", { cookie: editor.cookie })).text();
    expect(profile).toMatch(
      /<label for="verified-on">Verified as of<\/label><br>\s*<input type="date" id="verified-on" name="date"/,
    );
    const today = new Date().toISOString().slice(0, 10);
    const res = await post(editor, "/profiles/khalil-matouk/verify", { date: today });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/profiles/khalil-matouk?done=verified");
    expect(await summaryOf("khalil-matouk")).toMatchObject({ lastVerifiedAt: today, verifiedBy: "Verifier" });
    const [entry] = await world.app.repositories.audit.list({ entityId: "khalil-matouk", limit: 1 });
    expect(entry).toMatchObject({ actor: "panel:Verifier", action: "profile.verified" });
    const shown = await (
      await request("/profiles/khalil-matouk?done=verified", { cookie: editor.cookie })
    ).text();
    expect(shown).toContain("Marked verified.");

    // The curators' file (its summary as it was), still verified on 2023-09-01, imported through the panel.
    const dry = await (await upload(editor, { "khalil-matouk.yaml": matouk })).text();
    expect((await post(editor, "/import/apply", { token: tokenOf(dry) })).status).toBe(200);
    expect(await summaryOf("khalil-matouk")).toMatchObject({
      lastVerifiedAt: today,
      verifiedBy: "Verifier",
      summary: { text: expect.stringContaining("a human-rights lawyer") },
    });
  });

  it("refuses a future date, a date before the profile's verification and a non-date, each saying why", async () => {
    const editor = await signIn("Careful Verifier", "editor");
    const future = new Date(Date.now() + 5 * 86_400_000).toISOString().slice(0, 10);
    const cases = [
      [future, `${future} is in the future: the verification must be on or before`],
      ["2020-01-01", "2020-01-01 is before this profile&#39;s verification of"],
      ["01/02/2024", "01/02/2024 is not a date: give it as YYYY-MM-DD. Nothing changed."],
    ] as const;
    const before = await summaryOf("ilgar-mammadov");
    for (const [date, message] of cases) {
      const res = await post(editor, "/profiles/ilgar-mammadov/verify", { date });
      expect(res.status, date).toBe(400);
      expect(await res.text(), date).toContain(message);
    }
    expect(await summaryOf("ilgar-mammadov")).toEqual(before);
  });

  it("refuses a viewer (403), and shows a viewer no form", async () => {
    const viewer = await signIn("Verify Reader", "viewer");
    const page = await (await request("/profiles/ilgar-mammadov", { cookie: viewer.cookie })).text();
    expect(page).not.toContain('name="date"');
    const res = await post(viewer, "/profiles/ilgar-mammadov/verify", { date: "2024-06-01" });
    expect(res.status).toBe(403);
    expect(await res.text()).toContain("may not mark a profile verified");
  });
});
