import { describe, expect, it } from "vitest";
import { createSlackManifest, usageHint } from "../../../platforms/slack/manifest.ts";
import { commands as realCommands } from "../../../commands/index.ts";
import { testCommand as command } from "./fixtures.ts";

const commands = [
  command("prisoner", "/prisoner <name>"),
  command("schedule", "/schedule <name> <YYYY-MM-DD> [HH:MM] · /schedule list · /schedule cancel <id>", true),
  command("help", "/help"),
];

const EVENTS = "https://bot.example.org/slack/events";

describe("slack manifest", () => {
  it("lists every command, and the adapter's own /moderators, with request URL and usage hint over HTTP", () => {
    const manifest = createSlackManifest(commands, {
      appName: "Free To Be Home",
      publicUrl: "https://bot.example.org",
    });
    expect(manifest.features?.slash_commands).toEqual([
      {
        command: "/prisoner",
        description: "The prisoner command",
        should_escape: false,
        url: EVENTS,
        usage_hint: "<name>",
      },
      {
        command: "/schedule",
        description: "The schedule command",
        should_escape: false,
        url: EVENTS,
        usage_hint: "<name> <YYYY-MM-DD> [HH:MM] · list · cancel <id>",
      },
      { command: "/help", description: "The help command", should_escape: false, url: EVENTS },
      {
        command: "/moderators",
        description: "Admins: add or remove the bot's moderators here, or list them",
        // Escaped, so a typed @name arrives as <@U…|name>.
        should_escape: true,
        usage_hint: "add @user · remove @user · list",
        url: EVENTS,
      },
    ]);
    expect(manifest.features?.bot_user?.display_name).toBe("free-to-be-home");
    expect(manifest.oauth_config?.scopes?.bot).toEqual([
      "commands",
      "chat:write",
      "chat:write.public",
      "users:read",
      "im:write",
      "app_mentions:read",
    ]);
    expect(manifest.oauth_config?.redirect_urls).toEqual(["https://bot.example.org/slack/oauth_redirect"]);
    expect(manifest.settings).toMatchObject({
      socket_mode_enabled: false,
      org_deploy_enabled: false,
      token_rotation_enabled: false,
      interactivity: { is_enabled: true, request_url: EVENTS, message_menu_options_url: EVENTS },
      event_subscriptions: {
        request_url: EVENTS,
        bot_events: ["app_uninstalled", "tokens_revoked", "app_home_opened", "app_mention"],
      },
    });
    expect(manifest.features?.app_home).toEqual({
      home_tab_enabled: true,
      messages_tab_enabled: true,
      messages_tab_read_only_enabled: false,
    });
  });

  it("turns on token rotation and org-wide installs only when asked, and only with the OAuth install", () => {
    const publicUrl = "https://bot.example.org";
    const asked = createSlackManifest(commands, { publicUrl, tokenRotation: true, orgDeploy: true });
    expect(asked.settings).toMatchObject({ token_rotation_enabled: true, org_deploy_enabled: true });
    expect(createSlackManifest(commands, { publicUrl }).settings).toMatchObject({
      token_rotation_enabled: false,
      org_deploy_enabled: false,
    });
    expect(() => createSlackManifest(commands, { tokenRotation: true })).toThrow(/OAuth install/);
    expect(() => createSlackManifest(commands, { orgDeploy: true })).toThrow(/OAuth install/);
  });

  it("keeps a public URL's path prefix", () => {
    const manifest = createSlackManifest(commands, { publicUrl: "https://example.org/bot" });
    expect(manifest.settings?.interactivity?.request_url).toBe("https://example.org/bot/slack/events");
    expect(manifest.oauth_config?.redirect_urls).toEqual(["https://example.org/bot/slack/oauth_redirect"]);
  });

  it("is a Socket Mode app with no request URLs when given no public URL", () => {
    const manifest = createSlackManifest(commands);
    expect(JSON.stringify(manifest)).not.toContain("request_url");
    expect(manifest.features?.slash_commands?.every((c) => c.url === undefined)).toBe(true);
    expect(manifest.settings?.socket_mode_enabled).toBe(true);
    expect(manifest.oauth_config?.redirect_urls).toBeUndefined();
    expect(manifest.display_information.name).toBe("FreeToBeHome");
  });

  it("keeps the OAuth redirect but no request URL in Socket Mode with a public URL", () => {
    const manifest = createSlackManifest(commands, {
      publicUrl: "https://bot.example.org",
      socketMode: true,
    });
    expect(JSON.stringify(manifest)).not.toContain("request_url");
    expect(manifest.oauth_config?.redirect_urls).toEqual(["https://bot.example.org/slack/oauth_redirect"]);
  });

  it("refuses HTTP without a public URL, command names Slack would refuse, and a clash with /moderators", () => {
    expect(() => createSlackManifest(commands, { socketMode: false })).toThrow(/publicUrl/);
    expect(() => createSlackManifest([command("Bad Name", "/x")])).toThrow(/Bad Name/);
    expect(() => createSlackManifest([command("moderators", "/moderators")])).toThrow(/adapter's own/);
  });

  it("accepts every real command", () => {
    const names = createSlackManifest(realCommands).features?.slash_commands?.map((c) => c.command);
    expect(names).toEqual([...realCommands.map((c) => `/${c.name}`), "/moderators"]);
  });

  it("drops the command's own name from usage hints", () => {
    expect(usageHint(command("share", "/share [name]"))).toBe("[name]");
  });
});
