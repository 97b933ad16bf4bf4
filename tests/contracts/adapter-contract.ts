/**
 * The contract every platform adapter keeps, run against each one through its real library and the local
 * fake of its platform (tests/fakes/<p>/). A new platform starts by writing a harness (`ContractHarness`,
 * one small file beside the others here) and passing this suite.
 *
 * A harness that cannot keep a case (a terminal cannot be rate-limited) says so with `notApplicable(why)`;
 * the case then shows as skipped with that reason in its name, never silently left out.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ChannelRef, Platform } from "../../src/core/channel.ts";
import { postOptionsOn, supportsPostOption } from "../../src/core/post-options.ts";
import { OPTION_WORDS } from "../../commands/subscribe-options.ts";
import type { MessageRef, PlatformAdapter, SendResult } from "../../src/core/platform.ts";
import { WITHDRAWN_TEXT } from "../../src/core/retraction.ts";
import { PSEUDO_LANGUAGE, USER_LANGUAGES } from "../../src/core/i18n/languages.ts";
import { englishLeft } from "./english-left.ts";
import { COMMAND_CASES, type ContractCommand, commandLine } from "./contract-commands.ts";
import { type ContractBot, createContractBot, hostilePost, LIMITS_PROFILE } from "./contract-bot.ts";
import {
  type Buttons,
  type Capability,
  type ContractHarness,
  type ContractWorld,
  isNotApplicable,
  type NotApplicable,
  notApplicable,
  type Retraction,
  type ScheduledPosts,
  type SentMessage,
} from "./contract-world.ts";

/** The card of the profile at the limits, whose campaign has a page per profile and both have actions. */
const LIMITS_CARD: ContractCommand = {
  name: "prisoner",
  text: LIMITS_PROFILE,
  options: { name: LIMITS_PROFILE },
};

export * from "./contract-world.ts";

/** A role id as platforms give them (a Discord snowflake): the one role a post may ping. */
const ROLE_ID = "123456789012345678";

/** The 429 the platform asks to wait out in the rate-limit case. */
const RETRY_AFTER_S = 1;

export function adapterContract(harness: ContractHarness): void {
  describe(`the adapter contract: ${harness.platform}`, () => {
    let bot: ContractBot;
    let world: ContractWorld;
    beforeAll(async () => {
      bot = await createContractBot();
      world = await harness.start(bot);
    });
    afterAll(() => world?.stop());

    it("has a case for every registered command", () => {
      const covered = new Set(COMMAND_CASES.map((c) => c.name));
      expect(bot.commands.map((c) => c.name).filter((name) => !covered.has(name))).toEqual([]);
    });

    it("answers every command, within the platform's limits, and nothing in the answer pings", async () => {
      for (const command of COMMAND_CASES) {
        const answer = await world.run(command, "moderator");
        const where = commandLine(command);
        expect(answer.length, `${where}: no answer`).toBeGreaterThan(0);
        for (const message of answer) {
          expect(world.limitProblems(message), where).toEqual([]);
          if (!isNotApplicable(world.pings)) expect(world.pings(message), where).toEqual([]);
        }
      }
    });

    it("in the pseudo-language: no English of the bot's own in any answer, and every answer fits", async () => {
      bot.speak(PSEUDO_LANGUAGE);
      try {
        for (const command of COMMAND_CASES) {
          const answer = await world.run(command, "moderator", PSEUDO_LANGUAGE);
          const where = `${commandLine(command)} in ${PSEUDO_LANGUAGE}`;
          expect(answer.length, `${where}: no answer`).toBeGreaterThan(0);
          for (const message of answer) {
            expect(world.limitProblems(message), where).toEqual([]);
            expect(englishLeft(message.text), where).toEqual([]);
          }
        }
      } finally {
        bot.speak(undefined);
      }
    });

    it("in every shipped language: every command's answer fits the platform's limits", async () => {
      try {
        for (const { tag } of USER_LANGUAGES) {
          bot.speak(tag);
          for (const command of COMMAND_CASES) {
            const answer = await world.run(command, "moderator", tag);
            const where = `${commandLine(command)} in ${tag}`;
            expect(answer.length, `${where}: no answer`).toBeGreaterThan(0);
            for (const message of answer) expect(world.limitProblems(message), where).toEqual([]);
          }
        }
      } finally {
        bot.speak(undefined);
      }
    });

    caseOn(
      () => world.members,
      "refuses every moderator command to a member, and changes nothing",
      async () => {
        const before = await bot.subscriptionCount();
        for (const command of bot.commands.filter((c) => c.moderatorOnly)) {
          const typed = COMMAND_CASES.find((c) => c.name === command.name) ?? {
            name: command.name,
            text: "",
          };
          const answer = await world.run(typed, "member");
          const said = answer.map((m) => m.text).join("\n");
          expect(said, `/${command.name}`).toContain(
            `Only this community's moderators can use /${command.name}`,
          );
        }
        expect(await bot.subscriptionCount()).toBe(before);
      },
    );

    it("reads a moderator's post option the platform honours, and refuses one it lacks by name", async () => {
      const platform = harness.platform as Platform;
      const honoured = postOptionsOn(platform);
      // A switch any channel takes (crossposting needs an announcement channel), and one the platform lacks.
      const switchWord = OPTION_WORDS.find(
        ([, o]) => (o === "silent" || o === "linkPreviews") && honoured.includes(o),
      );
      const lacking = OPTION_WORDS.find(([, o]) => o !== "mentionRole" && !honoured.includes(o))!;
      const subscribeWith = (word: string, value: string) =>
        world.run({ name: "subscribe", text: `${word} ${value}`, options: { [word]: value } }, "moderator");
      const said = (answer: SentMessage[]) => answer.map((m) => m.text).join("\n");
      if (switchWord) {
        const [word, option] = switchWord;
        const on = await subscribeWith(word, "on");
        expect(said(on)).toMatch(option === "silent" ? /Silent posts: on/ : /Link previews under posts: on/);
        for (const message of on) expect(world.limitProblems(message)).toEqual([]);
        const here = (await bot.subscriptions()).find((s) => s.postOptions[option as "silent"]);
        expect(here, `${word} on was not stored`).toBeDefined();
        await subscribeWith(word, "off");
        expect((await bot.subscriptions()).some((s) => s.postOptions[option as "silent"])).toBe(false);
      }
      const before = JSON.stringify(await bot.subscriptions());
      const refused = said(await subscribeWith(lacking[0], "on"));
      expect(refused).toContain(`“${lacking[0]}” is not available on`);
      expect(JSON.stringify(await bot.subscriptions())).toBe(before);
    });

    it("puts What you can do and Read more under a card, within the platform's limits", async () => {
      const answer = await world.run(LIMITS_CARD, "member");
      const card = answer.find((m) => world.buttons.labels(m).includes("What you can do"));
      expect(card, "no message with the buttons").toBeDefined();
      expect(world.buttons.labels(card!)).toContain("Read more");
      for (const message of answer) expect(world.limitProblems(message)).toEqual([]);
    });

    caseOn(
      () => world.buttons.press,
      "answers What you can do to the presser alone, in the presser's language",
      async () => {
        const press = world.buttons.press as Exclude<Buttons["press"], NotApplicable>;
        const answer = await world.run(LIMITS_CARD, "member");
        const card = answer.find((m) => world.buttons.labels(m).includes("What you can do"))!;
        const { privately, publicly } = await press(card, "What you can do", "es");
        expect(publicly).toEqual([]);
        const said = privately.map((m) => m.text).join("\n");
        expect(said).toContain(
          world.buttons.knowsPresserLanguage ? "Qué puedes hacer por" : "What you can do for",
        );
        expect(said).toContain("https://petition.example.org/sign?a=1&b=<2>&n=1");
        for (const message of privately) expect(world.limitProblems(message)).toEqual([]);
      },
    );

    postCase("puts What you can do and Read more under a daily post, within the limits", async (posts) => {
      const channel = posts.newChannel();
      const post = await bot.dailyPost(LIMITS_PROFILE, "en", "contract-buttons");
      expect((await world.adapter.send(channel, post)).kind).toBe("sent");
      const [message] = posts.messagesIn(channel);
      expect(world.limitProblems(message!)).toEqual([]);
      expect(world.buttons.labels(message!)).toEqual(
        expect.arrayContaining(["What you can do", "Read more"]),
      );
    });

    postCase("posts a hostile card that fits and pings nobody", async (posts) => {
      const channel = posts.newChannel();
      expect((await world.adapter.send(channel, hostilePost("contract-hostile"))).kind).toBe("sent");
      const [message, ...more] = posts.messagesIn(channel);
      expect(more).toEqual([]);
      expect(world.limitProblems(message!)).toEqual([]);
      expect(posts.pings(message!)).toEqual([]);
    });

    postCase(
      "a post naming a role pings that role alone where the platform mentions roles, and nobody elsewhere",
      async (posts) => {
        const channel = posts.newChannel();
        const options = { mentionRole: ROLE_ID, silent: false, crosspost: false, linkPreviews: false };
        const post = { ...hostilePost("contract-role"), options };
        expect((await world.adapter.send(channel, post)).kind).toBe("sent");
        const [message, ...more] = posts.messagesIn(channel);
        expect(more).toEqual([]);
        expect(world.limitProblems(message!)).toEqual([]);
        const pinged = [...new Set(posts.pings(message!))];
        const mentions = supportsPostOption(harness.platform as Platform, "mentionRole");
        expect(pinged).toEqual(mentions ? [`<@&${ROLE_ID}>`] : []);
      },
    );

    for (const [language, words] of [
      ["fa", /وضعیت/],
      ["ar", /الوضع/],
      ["zh-Hans", /状态/],
    ] as const) {
      postCase(`posts a daily card in ${language}, within the limits, its names isolated`, async (posts) => {
        const channel = posts.newChannel();
        const post = await bot.dailyPost("ilgar-mammadov", language, `contract-${language}`);
        expect((await world.adapter.send(channel, post)).kind).toBe("sent");
        const [message, ...more] = posts.messagesIn(channel);
        expect(more).toEqual([]);
        expect(world.limitProblems(message!)).toEqual([]);
        expect(message!.text).toMatch(words);
        expect(englishLeft(message!.text)).toEqual([]);
        // A name in another script keeps its own direction inside a right-to-left sentence.
        if (language !== "zh-Hans") expect(message!.text).toMatch(/\u2068[^\u2069]*Mammadov[^\u2069]*\u2069/);
      });
    }

    postCase(
      "gives up on a dead channel after one request, as permanent (the subscription pauses)",
      async (posts) => {
        const kill = posts.kill;
        if (isNotApplicable(kill)) return;
        const channel = posts.newChannel();
        kill(channel);
        const result = await world.adapter.send(channel, hostilePost("contract-dead"));
        expect(result.kind).toBe("permanent");
        expect(posts.requestsTo(channel)).toBe(1);
        expect(posts.messagesIn(channel)).toEqual([]);
      },
      (posts) => posts.kill,
    );

    postCase(
      "waits out a 429: no request before the platform's retry-after, then the post goes out once",
      async (posts) => {
        const rateLimitNext = posts.rateLimitNext;
        if (isNotApplicable(rateLimitNext)) return;
        const channel = posts.newChannel();
        rateLimitNext(channel, RETRY_AFTER_S);
        const started = Date.now();
        const result = await sendWaitingOut(world.adapter, channel);
        expect(result.kind).toBe("sent");
        expect(Date.now() - started).toBeGreaterThanOrEqual(RETRY_AFTER_S * 1000 - 100);
        expect(posts.requestsTo(channel)).toBe(2);
        expect(posts.messagesIn(channel)).toHaveLength(1);
      },
      (posts) => posts.rateLimitNext,
    );

    postCase(
      "records the platform's reference to the message it made",
      async (posts) => {
        const lastMessageRef = posts.lastMessageRef;
        if (isNotApplicable(lastMessageRef)) return;
        const channel = posts.newChannel();
        const result = await world.adapter.send(channel, hostilePost("contract-ref"));
        expect(result).toMatchObject({ kind: "sent", messageRef: lastMessageRef(channel) });
      },
      (posts) => posts.lastMessageRef,
    );

    postCase(
      "retracts a post: deleted once, a second delete answers gone, nothing new is posted",
      async (posts) => {
        const retraction = posts.retraction as Retraction;
        const channel = posts.newChannel();
        const ref = await sentRef(world.adapter, channel, "contract-retract");
        expect(await world.adapter.retract!(channel, ref, "delete")).toEqual({ kind: "deleted" });
        expect(retraction.shown(channel, ref)).toBe("deleted");
        expect(await world.adapter.retract!(channel, ref, "delete")).toMatchObject({ kind: "gone" });
        expect(posts.messagesIn(channel)).toEqual([]);
      },
      (posts) => posts.retraction,
    );

    postCase(
      "edits a post to the neutral withdrawn line, leaving nothing of the card",
      async (posts) => {
        const retraction = posts.retraction as Retraction;
        const channel = posts.newChannel();
        const ref = await sentRef(world.adapter, channel, "contract-edit");
        expect(await world.adapter.retract!(channel, ref, "edit")).toEqual({ kind: "edited" });
        expect(retraction.shown(channel, ref)).toEqual({ text: WITHDRAWN_TEXT });
      },
      (posts) => posts.retraction,
    );

    postCase(
      "says a post too old to delete is not deletable, and edits it",
      async (posts) => {
        const retraction = posts.retraction as Retraction;
        const makeUndeletable = retraction.makeUndeletable as (c: ChannelRef, r: MessageRef) => void;
        const channel = posts.newChannel();
        const ref = await sentRef(world.adapter, channel, "contract-old");
        makeUndeletable(channel, ref);
        expect(await world.adapter.retract!(channel, ref, "delete")).toMatchObject({ kind: "not-deletable" });
        expect(await world.adapter.retract!(channel, ref, "edit")).toEqual({ kind: "edited" });
        expect(retraction.shown(channel, ref)).toEqual({ text: WITHDRAWN_TEXT });
      },
      (posts) => {
        const retraction = posts.retraction;
        return isNotApplicable(retraction) ? retraction : retraction.makeUndeletable;
      },
    );

    postCase(
      "edits a post to carry a status update: in every language the longest card with its update line fits, nothing new is posted",
      async (posts) => {
        const channel = posts.newChannel();
        const ref = await sentRef(world.adapter, channel, "contract-update");
        for (const language of [...USER_LANGUAGES.map((l) => l.tag), PSEUDO_LANGUAGE] as const) {
          const post = await bot.updatedPost(LIMITS_PROFILE, language, "contract-update");
          expect(await world.adapter.edit!(channel, ref, post), language).toEqual({ kind: "edited" });
          const [message, ...more] = posts.messagesIn(channel);
          expect(more, language).toEqual([]);
          expect(world.limitProblems(message!), language).toEqual([]);
          expect(posts.pings(message!), language).toEqual([]);
          if (language === "en") expect(message!.text).toContain("Update, as of ");
        }
      },
      (posts) =>
        world.adapter.edit ? posts.retraction : notApplicable("the platform's posts cannot be edited"),
    );

    /** A case that needs a capability of the harness: skipped, with the harness's reason, without it. */
    function caseOn<T>(capability: () => Capability<T>, title: string, body: () => Promise<void>) {
      it(title, async (context) => {
        const value = capability();
        if (isNotApplicable(value)) context.skip(`not applicable: ${value.notApplicable}`);
        await body();
      });
    }

    function postCase(
      title: string,
      body: (posts: ScheduledPosts) => Promise<void>,
      capability: (posts: ScheduledPosts) => Capability<unknown> = () => true,
    ) {
      caseOn(
        () => {
          const posts = world.posts;
          return isNotApplicable(posts) ? posts : capability(posts);
        },
        title,
        () => body(world.posts as ScheduledPosts),
      );
    }
  });
}

async function sentRef(adapter: PlatformAdapter, channel: ChannelRef, key: string): Promise<MessageRef> {
  const result = await adapter.send(channel, hostilePost(key));
  if (result.kind !== "sent" || !result.messageRef)
    throw new Error(`not sent with a reference: ${result.kind}`);
  return result.messageRef;
}

/**
 * What the delivery core does with a post: send it, and on `transient` with `retryAfterMs` wait that long
 * and send again. An adapter may instead wait inside its library; either way the post must go out once.
 */
async function sendWaitingOut(adapter: PlatformAdapter, channel: ChannelRef): Promise<SendResult> {
  const post = hostilePost("contract-429");
  const first = await adapter.send(channel, post);
  if (first.kind !== "transient") return first;
  expect(first.retryAfterMs).toBeGreaterThanOrEqual(RETRY_AFTER_S * 1000);
  await new Promise((resolve) => setTimeout(resolve, first.retryAfterMs));
  return adapter.send(channel, post);
}
