/**
 * Signing in to the staff panel with Discord or Slack, over HTTP against the local fakes: the whole flow
 * (state cookie, the platform's consent page, code exchange with PKCE, the moderator check), each refusal
 * in its own words, a state used twice or expired, the People page and revoking such a person.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPanelApp } from "../../../src/panel/app.ts";
import { Permission } from "../../fakes/discord/index.ts";
import { communityRef } from "../../../src/core/channel.ts";
import { createPlatformSignIn } from "../../../src/services/platform-sign-in.ts";
import { consent, type OAuthWorld, PANEL_URL, startOAuthWorld } from "../../support/panel-oauth-world.ts";

const START = "2026-12-07T10:00:00Z";
let o: OAuthWorld;
let panel: ReturnType<typeof createPanelApp>;

beforeAll(async () => {
  o = await startOAuthWorld({ now: START });
  panel = createPanelApp(o.world.deps, {
    clientAddress: () => "192.0.2.40",
    signInLimit: { limit: 1000, windowMs: 60_000 },
  });
});
afterAll(() => o.close());

const cookieOf = (res: Response, name: string) =>
  (res.headers.getSetCookie().find((c) => c.startsWith(`${name}=`)) ?? "").split(";")[0]!;

/** Starts a sign-in: where the panel sends the browser, and the state cookie it set. */
async function start(platform: "discord" | "slack") {
  const res = await panel.request(`/sign-in/${platform}`);
  expect(res.status).toBe(302);
  return { authorize: res.headers.get("location")!, cookie: cookieOf(res, "ftbh_oauth"), res };
}

/** The platform's redirect back, followed into the panel with the browser's cookie. */
const back = (location: string, cookie: string) => {
  const url = new URL(location);
  expect(url.origin).toBe(PANEL_URL);
  return panel.request(`${url.pathname}${url.search}`, { headers: { cookie } });
};

async function signInWith(platform: "discord" | "slack") {
  const { authorize, cookie } = await start(platform);
  return back(await consent(authorize, "allow"), cookie);
}

describe("signing in to the panel with Discord or Slack", () => {
  it("offers both on the sign-in page, as plain links", async () => {
    const page = await (await panel.request("/sign-in")).text();
    expect(page).toContain('href="/sign-in/discord"');
    expect(page).toContain("Sign in with Discord");
    expect(page).toContain('href="/sign-in/slack"');
    expect(page).toContain("freetobehome panel link");
  });

  it("signs a Discord server manager in as a viewer, with a state cookie, PKCE and an audit entry", async () => {
    const guild = o.discord.state.guilds.find((g) => g.id === o.guildId)!;
    const mod = o.discord.addMember(guild, "modest", Permission.ManageGuild);
    o.discord.signInAs(mod);
    const { authorize, res } = await start("discord");
    const asked = new URL(authorize);
    expect(asked.pathname).toBe("/oauth2/authorize");
    expect(asked.searchParams.get("scope")).toBe("identify guilds");
    expect(asked.searchParams.get("redirect_uri")).toBe(`${PANEL_URL}/sign-in/discord/callback`);
    expect(asked.searchParams.get("code_challenge_method")).toBe("S256");
    const stateCookie = res.headers.getSetCookie().find((c) => c.startsWith("ftbh_oauth="))!;
    expect(stateCookie).toMatch(/HttpOnly/);
    expect(stateCookie).toMatch(/SameSite=Lax/);
    expect(stateCookie).toContain(`ftbh_oauth=${asked.searchParams.get("state")}`);

    const signedIn = await back(await consent(authorize, "allow"), cookieOf(res, "ftbh_oauth"));
    expect(signedIn.status).toBe(303);
    expect(signedIn.headers.get("location")).toBe("/today");
    const session = cookieOf(signedIn, "ftbh_session");
    const me = (await (await panel.request("/api/me", { headers: { cookie: session } })).json()) as {
      name: string;
    };
    expect(me).toEqual({ name: `modest (Discord ${mod.id})`, role: "viewer" });
    const [entry] = await o.world.app.repositories.audit.list({
      entityType: "staff",
      entityId: me.name,
      limit: 1,
    });
    expect(entry).toMatchObject({ action: "staff.signed-in", actor: `panel:${me.name}` });
    expect(entry?.details).toMatchObject({
      via: "discord",
      role: "viewer",
      communities: [`discord:${o.guildId}`],
    });
  });

  it("refuses a person who cancels on Discord, one who manages no subscribed server, and a member", async () => {
    const guild = o.discord.state.guilds.find((g) => g.id === o.guildId)!;
    o.discord.signInAs(o.discord.addMember(guild, "canceller", Permission.Administrator));
    const { authorize, cookie } = await start("discord");
    const denied = await back(await consent(authorize, "deny"), cookie);
    expect(denied.status).toBe(403);
    expect(await denied.text()).toContain("You did not allow the sign-in on Discord");
    expect(denied.headers.getSetCookie().join()).not.toContain("ftbh_session=");

    o.discord.signInAs(o.discord.addMember(guild, "member", Permission.ManageChannels));
    const member = await signInWith("discord");
    expect(member.status).toBe(403);
    expect(await member.text()).toContain(
      "Discord says you do not manage any server that gets the daily post",
    );

    // The owner of a server without a subscription here.
    const elsewhere = o.discord.addGuild("Elsewhere");
    o.discord.signInAs(elsewhere.members.get(elsewhere.ownerId)!.user);
    const owner = await signInWith("discord");
    expect(owner.status).toBe(403);
    expect(await owner.text()).toContain("do not manage any server that gets the daily post");
  });

  it("uses a state once, only with its own cookie, and not after ten minutes", async () => {
    const guild = o.discord.state.guilds.find((g) => g.id === o.guildId)!;
    o.discord.signInAs(o.discord.addMember(guild, "replayer", Permission.ManageGuild));
    const first = await start("discord");
    const location = await consent(first.authorize, "allow");
    expect((await back(location, first.cookie)).status).toBe(303);
    const replay = await back(location, first.cookie);
    expect(replay.status).toBe(400);
    expect(await replay.text()).toContain("This sign-in has expired or was already used");

    // Another browser's cookie: the state is not theirs.
    const second = await start("discord");
    const other = await start("discord");
    const mismatch = await back(await consent(second.authorize, "allow"), other.cookie);
    expect(mismatch.status).toBe(400);
    expect(await mismatch.text()).toContain("expired or was already used");
    expect((await back(await consent(second.authorize, "allow"), "")).status).toBe(400);

    const late = await start("discord");
    const lateBack = await consent(late.authorize, "allow");
    o.world.setNow("2026-12-07T10:10:01Z");
    try {
      const expired = await back(lateBack, late.cookie);
      expect(expired.status).toBe(400);
      expect(await expired.text()).toContain("expired or was already used");
    } finally {
      o.world.setNow(START);
    }
  });

  it("says so when Discord refuses the code", async () => {
    const { authorize, cookie } = await start("discord");
    const state = new URL(authorize).searchParams.get("state")!;
    const res = await panel.request(`/sign-in/discord/callback?code=forged&state=${state}`, {
      headers: { cookie },
    });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain("Discord did not confirm who you are");
  });

  it("says so when Discord is down, and nothing opens", async () => {
    const guild = o.discord.state.guilds.find((g) => g.id === o.guildId)!;
    o.discord.signInAs(o.discord.addMember(guild, "unlucky", Permission.ManageGuild));
    o.discord.inject({ route: "GET /users/@me/guilds", times: 1, fault: { kind: "5xx", status: 503 } });
    const res = await signInWith("discord");
    expect(res.status).toBe(502);
    expect(await res.text()).toContain("Discord could not be reached to confirm who you are");
    expect(res.headers.getSetCookie().join()).not.toContain("ftbh_session=");
  });

  it("signs a Slack workspace admin in, and refuses a member and a guest", async () => {
    const admin = o.slack.addUser({ id: "U0ADMIN", teamId: "T01", name: "Leyla", role: "admin" });
    o.slack.signInAs(admin);
    const { authorize, cookie } = await start("slack");
    const asked = new URL(authorize);
    expect(asked.pathname).toBe("/openid/connect/authorize");
    expect(asked.searchParams.get("scope")).toBe("openid profile");
    const res = await back(await consent(authorize, "allow"), cookie);
    expect(res.status).toBe(303);
    const me = await (
      await panel.request("/api/me", { headers: { cookie: cookieOf(res, "ftbh_session") } })
    ).json();
    expect(me).toEqual({ name: "Leyla (Slack T01/U0ADMIN)", role: "viewer" });

    for (const role of ["member", "guest"] as const) {
      o.slack.signInAs(o.slack.addUser({ id: `U0${role.toUpperCase()}`, teamId: "T01", name: role, role }));
      const refused = await signInWith("slack");
      expect(refused.status).toBe(403);
      expect(await refused.text()).toContain("Slack says you are not an admin or owner");
    }
  });

  it("lists such people with their platform for admins, who can revoke them for good", async () => {
    const guild = o.discord.state.guilds.find((g) => g.id === o.guildId)!;
    const leaver = o.discord.addMember(guild, "leaver", Permission.ManageGuild);
    o.discord.signInAs(leaver);
    const session = cookieOf(await signInWith("discord"), "ftbh_session");
    expect((await panel.request("/today", { headers: { cookie: session } })).status).toBe(200);

    const link = await o.world.linkToken("Root", "admin");
    const adminRes = await panel.request("/sign-in", {
      method: "POST",
      body: new URLSearchParams({ token: link }).toString(),
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    const admin = cookieOf(adminRes, "ftbh_session");
    const people = await (await panel.request("/people", { headers: { cookie: admin } })).text();
    const name = `leaver (Discord ${leaver.id})`;
    expect(people).toMatch(new RegExp(`${name.replace(/[()]/g, "\\$&")}</td>\\s*<td[^>]*>Discord</td>`));
    expect(people).toMatch(/Root<\/td>\s*<td[^>]*>Link<\/td>/);
    expect(people).toContain(
      "Moderators who sign in with Discord or Slack are added here by themselves, as viewer",
    );

    const id = (await o.world.deps.staff.people()).find((p) => p.name === name)!.id;
    const csrf = /name="_csrf" value="([^"]+)"/.exec(people)![1]!;
    const revoked = await panel.request(`/people/${id}/revoke`, {
      method: "POST",
      body: new URLSearchParams({ _csrf: csrf }).toString(),
      headers: { "content-type": "application/x-www-form-urlencoded", cookie: admin },
    });
    expect(revoked.status).toBe(303);
    expect((await panel.request("/today", { headers: { cookie: session } })).status).toBe(401);
    const again = await signInWith("discord");
    expect(again.status).toBe(403);
    expect(await again.text()).toContain("An admin of the panel revoked your access");
  });

  it("gives the configured role, editor at most: never admin, whatever was given before", async () => {
    const { loadConfig } = await import("../../../src/config.ts");
    expect(() => loadConfig({ PANEL_OAUTH_ROLE: "admin" })).toThrow(
      /PANEL_OAUTH_ROLE must be viewer or editor/,
    );
    expect(() => loadConfig({ PANEL_DISCORD_CLIENT_ID: "123", PANEL_DISCORD_CLIENT_SECRET: "s" })).toThrow(
      /PANEL_PUBLIC_URL is required with PANEL_DISCORD_CLIENT_ID/,
    );
    const { app } = o.world;
    const identity = {
      platform: "discord" as const,
      userId: "80351110224678912",
      displayName: "Raised",
      moderates: [communityRef(`discord:${o.guildId}`)],
    };
    const withRole = (role: "viewer" | "editor") =>
      createPlatformSignIn({ ...app.repositories, clock: app.services.clock, role }).signIn(identity);
    const first = await withRole("editor");
    expect(first).toMatchObject({
      kind: "signed-in",
      created: true,
      session: { person: { role: "editor" } },
    });
    // The operator made them admin with a link; signing in with Discord again gives the configured role.
    await o.world.linkToken("Raised (Discord 80351110224678912)", "admin");
    expect(await withRole("viewer")).toMatchObject({
      created: false,
      session: { person: { role: "viewer" } },
    });
  });
});

describe("the fakes' OAuth, as the platforms document it", () => {
  it("Discord: a code works once, with its redirect_uri and its PKCE verifier", async () => {
    const { createDiscordSignIn } = await import("../../../platforms/discord/panel-sign-in.ts");
    const provider = createDiscordSignIn({
      clientId: o.discord.oauthClient.id,
      clientSecret: o.discord.oauthClient.secret,
      apiUrl: o.discord.apiUrl,
    });
    const guild = o.discord.state.guilds.find((g) => g.id === o.guildId)!;
    o.discord.signInAs(o.discord.addMember(guild, "prober", Permission.ManageGuild));
    const redirectUri = `${PANEL_URL}/sign-in/discord/callback`;
    const verifier = "v".repeat(43);
    const { createHash } = await import("node:crypto");
    const challenge = createHash("sha256").update(verifier).digest("base64url");
    const codeFor = async () =>
      new URL(
        await consent(provider.authorizeUrl({ state: "s", codeChallenge: challenge, redirectUri }), "allow"),
      ).searchParams.get("code")!;
    const refused = (p: Promise<unknown>) => expect(p).rejects.toMatchObject({ failure: "code-refused" });

    await refused(provider.identify({ code: await codeFor(), codeVerifier: "w".repeat(43), redirectUri }));
    await refused(
      provider.identify({ code: await codeFor(), codeVerifier: verifier, redirectUri: `${PANEL_URL}/x` }),
    );
    const code = await codeFor();
    expect((await provider.identify({ code, codeVerifier: verifier, redirectUri })).moderates).toEqual([
      `discord:${o.guildId}`,
    ]);
    await refused(provider.identify({ code, codeVerifier: verifier, redirectUri }));
    const page = await fetch(
      provider.authorizeUrl({ state: "s", codeChallenge: challenge, redirectUri: "https://evil.example/" }),
    );
    expect(page.status).toBe(400);
    expect(await page.text()).toContain("Invalid OAuth2 redirect_uri");
  });

  it("Slack: openid.connect.token refuses a used code, another redirect_uri and a wrong verifier", async () => {
    const token = (body: Record<string, string>) =>
      fetch(`${o.slack.apiUrl}openid.connect.token`, {
        method: "POST",
        body: new URLSearchParams({
          client_id: o.slack.oauth.clientId,
          client_secret: o.slack.oauth.clientSecret,
          ...body,
        }).toString(),
        headers: { "content-type": "application/x-www-form-urlencoded" },
      }).then((r) => r.json());
    o.slack.signInAs(o.slack.addUser({ id: "U0PROBE", teamId: "T01", name: "Probe", role: "owner" }));
    const redirect_uri = `${PANEL_URL}/sign-in/slack/callback`;
    const { createHash } = await import("node:crypto");
    const challenge = createHash("sha256").update("x".repeat(43)).digest("base64url");
    const authorize = `${o.slack.url}/openid/connect/authorize?${new URLSearchParams({ response_type: "code", client_id: o.slack.oauth.clientId, scope: "openid profile", redirect_uri, state: "s", code_challenge: challenge, code_challenge_method: "S256" })}`;
    const codeFor = async () => new URL(await consent(authorize, "allow")).searchParams.get("code")!;
    expect(await token({ code: await codeFor(), redirect_uri, code_verifier: "y".repeat(43) })).toMatchObject(
      { error: "invalid_code_verifier" },
    );
    expect(
      await token({ code: await codeFor(), redirect_uri: `${PANEL_URL}/x`, code_verifier: "x".repeat(43) }),
    ).toMatchObject({ error: "bad_redirect_uri" });
    const code = await codeFor();
    expect(await token({ code, redirect_uri, code_verifier: "x".repeat(43) })).toMatchObject({ ok: true });
    expect(await token({ code, redirect_uri, code_verifier: "x".repeat(43) })).toMatchObject({
      error: "invalid_code",
    });
  });
});
