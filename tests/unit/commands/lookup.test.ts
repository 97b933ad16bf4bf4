import { describe, expect, it } from "vitest";
import { createTestBot, textOf } from "./test-bot.ts";

describe("/prisoner", () => {
  it("finds a person by any spelling or script and answers with the card and its sources", async () => {
    const bot = await createTestBot();
    for (const query of ["Məmmədov", "Mamedov", "ilgar", "İlqar Məmmədov"]) {
      const reply = await bot.say(`/prisoner ${query}`);
      expect(reply.kind, query).toBe("card");
      if (reply.kind !== "card") continue;
      expect(reply.card.title).toBe("Ilgar Mammadov");
      expect(reply.card.sources.length).toBeGreaterThan(0);
      expect(reply.card.statusAsOf).toMatch(/^Status as of /);
      expect(reply.share?.links.map((l) => l.network)).toEqual([
        "x",
        "facebook",
        "bluesky",
        "linkedin",
        "telegram",
        "whatsapp",
        "email",
      ]);
    }
  });

  it("finds each of the ten by the spellings people use", async () => {
    const bot = await createTestBot();
    const expected: Record<string, string> = {
      "Oleh Sentsov": "Oleg Sentsov",
      Maatouk: "Khalil Matouk",
      Lopez: "Leopoldo López",
      Girba: "Bekele Gerba",
      "Fatoumatta Jawara": "Fanta Jawara",
    };
    for (const [query, title] of Object.entries(expected)) {
      const reply = await bot.say(`/prisoner ${query}`);
      expect(reply.kind === "card" ? reply.card.title : textOf(reply), query).toBe(title);
    }
  });

  it("offers a choice, never a silent pick, when several people match", async () => {
    const bot = await createTestBot();
    const reply = await bot.say("/prisoner Mohammad");
    expect(reply.kind).toBe("choices");
    if (reply.kind !== "choices") return;
    expect(reply.choices.length).toBeGreaterThan(1);
    for (const choice of reply.choices) {
      expect(choice.command).toBe("prisoner");
      expect(choice.detail).toMatch(/Status as of/);
    }
  });

  it("says did-you-mean for a misspelling, and no match for nonsense", async () => {
    const bot = await createTestBot();
    const close = await bot.say("/prisoner Sentsof");
    expect(close.kind).toBe("choices");
    expect(textOf(close)).toMatch(/Did you mean/);
    expect(textOf(close)).toContain("Oleg Sentsov");
    const none = await bot.say("/prisoner xyzzy");
    expect(none).toMatchObject({ kind: "text", tone: "error" });
    expect(textOf(none)).toContain('No profile matches "xyzzy"');
  });

  it("asks for a name when none is given, with the usage", async () => {
    const bot = await createTestBot();
    const reply = await bot.say("/prisoner   ");
    expect(reply).toMatchObject({ kind: "text", tone: "error" });
    expect(textOf(reply)).toContain("Usage: /prisoner <name>");
  });

  it("takes a profile out of search the moment it is taken down", async () => {
    const bot = await createTestBot();
    expect((await bot.say("/prisoner Matouk")).kind).toBe("card");
    await bot.repositories.catalog.takedown("khalil-matouk", {
      reason: "family request",
      actor: "test",
      at: new Date(),
    });
    const after = await bot.say("/prisoner Matouk");
    expect(after.kind === "card" ? after.card.title : "").not.toBe("Khalil Matouk");
    await bot.repositories.catalog.restore("khalil-matouk", { actor: "test", at: new Date() });
    expect((await bot.say("/prisoner Matouk")).kind).toBe("card");
  });
});

describe("/share and /help", () => {
  it("gives a private share kit for a named profile, or today's family", async () => {
    const bot = await createTestBot();
    const named = await bot.say("/share Narges Mohammadi");
    expect(named).toMatchObject({ kind: "share", visibility: "private" });
    if (named.kind === "share") {
      expect(named.kit.text).toContain("Narges Mohammadi");
      expect(named.kit.text).toContain("#FreeToBeHome");
      expect(new URL(named.kit.links[0]!.url).searchParams.get("text")).toContain("Narges Mohammadi");
    }
    const today = await bot.say("/today");
    const todays = await bot.say("/share");
    expect(
      todays.kind === "share" && today.kind === "card" && todays.kit.profileId === today.card.profileId,
    ).toBe(true);
  });

  it("lists every command of the registry and where to send corrections", async () => {
    const bot = await createTestBot();
    const help = textOf(await bot.say("/help"));
    for (const name of ["prisoner", "today", "share", "subscribe", "unsubscribe", "schedule", "help"])
      expect(help).toContain(`/${name}`);
    expect(help).toMatch(/Corrections/);
  });

  it("answers an unknown command with a pointer to /help", async () => {
    const bot = await createTestBot();
    expect(textOf(await bot.say("/frobnicate"))).toContain("/help");
  });
});
