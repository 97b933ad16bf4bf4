import { describe, expect, it } from "vitest";
import { commands as productCommands } from "../../../commands/index.ts";
import type { AnyCommand } from "../../../src/core/command.ts";
import { CommandRegistrationError, toApplicationCommands } from "../../../platforms/discord/commands.ts";
import { FormErrors, validateCommands } from "../../fakes/discord/validate.ts";
import { testCommands } from "./fixtures.ts";

const byName = (body: ReturnType<typeof toApplicationCommands>, name: string) => {
  const command = body.find((c) => c.name === name);
  if (!command) throw new Error(`no /${name}`);
  return command as unknown as Record<string, unknown> & { options?: Array<Record<string, unknown>> };
};

/** The fake's copy of Discord's rules: an empty tree means the bulk overwrite would be accepted. */
function discordErrors(body: unknown): unknown {
  const errors = new FormErrors();
  validateCommands(body, errors);
  return errors.empty ? undefined : errors.body();
}

describe("application commands", () => {
  const body = toApplicationCommands(testCommands);

  it("marks moderator commands with Manage Channels, server-installed and guild-only; members' installable everywhere", () => {
    for (const name of ["subscribe", "unsubscribe", "schedule"]) {
      expect(byName(body, name)).toMatchObject({
        default_member_permissions: "16",
        contexts: [0],
        integration_types: [0],
      });
    }
    // A member may install /prisoner to their own account and use it in DMs, group DMs and any server.
    expect(byName(body, "prisoner")).toMatchObject({
      default_member_permissions: null,
      integration_types: [0, 1],
      contexts: [0, 1, 2],
    });
  });

  it("offers autocomplete on profile options and puts required options first", () => {
    expect(byName(body, "prisoner").options).toEqual([
      {
        type: 3,
        name: "name",
        description: "Any name or spelling, e.g. Mammadov",
        description_localizations: expect.objectContaining({
          "es-ES": "Cualquier nombre o grafía, p. ej. Mammadov",
          ru: "Любое имя или написание, напр. Mammadov",
        }),
        name_localizations: expect.objectContaining({ "es-ES": "nombre", ru: "имя", "zh-CN": "姓名" }),
        required: true,
        autocomplete: true,
      },
    ]);
    expect(byName(body, "subscribe").options?.map((o) => [o.name, o.required])).toEqual([
      ["time", true],
      ["timezone", false],
    ]);
  });

  it("registers schedule as add/list/cancel subcommands (Discord cannot mix them with options)", () => {
    const options = byName(body, "schedule").options ?? [];
    expect(options.map((o) => [o.type, o.name])).toEqual([
      [1, "add"],
      [1, "list"],
      [1, "cancel"],
    ]);
    expect(
      ((options[0]?.options ?? []) as Array<{ name: string; autocomplete: boolean }>).map((o) => [
        o.name,
        o.autocomplete,
      ]),
    ).toEqual([
      ["name", true],
      ["date", false],
      ["time", false],
    ]);
    expect(discordErrors(body)).toBeUndefined();
  });

  it("lists every naming problem at once instead of sending what Discord would refuse", () => {
    const bad: AnyCommand[] = [
      { ...testCommands[0]!, name: "Prisoner" },
      { ...testCommands[1]!, name: "to day" },
      { ...testCommands[2]!, description: "x".repeat(101) },
      {
        ...testCommands[3]!,
        options: Array.from({ length: 26 }, (_, i) => ({ name: `o${i}`, description: "d", required: false })),
      },
      { ...testCommands[4]!, name: "help" },
      testCommands[6]!,
    ];
    let error: unknown;
    try {
      toApplicationCommands(bad);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(CommandRegistrationError);
    expect((error as CommandRegistrationError).problems).toEqual([
      'command "help" is defined twice',
      "/Prisoner: name must be lowercase",
      "/to day: name must be 1–32 letters, digits, - _ or '",
      "/share: description must be 1–100 characters",
      "/subscribe: 26 options (max 25)",
    ]);
  });

  it("accepts the product's real command registry", () => {
    expect(discordErrors(toApplicationCommands(productCommands))).toBeUndefined();
  });
});
