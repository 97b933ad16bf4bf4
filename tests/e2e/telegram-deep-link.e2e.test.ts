/**
 * Telegram deep links and button presses through the whole app: telegraf against the fake Bot API (long
 * polling), the real commands, presenter and database. `t.me/<bot>?start=p_<id>` sends `/start p_<id>` in a
 * private chat, answered with the profile's card in the member's language; a bad or unknown payload gets a
 * plain answer. Inline results and share kits link to the bot once its username is known (getMe). A press
 * on a choice button is counted for the profile it showed.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFakeTelegram, type FakeTelegram, type PostedMessage } from "../fakes/telegram/index.ts";
import type { BuiltUpdate } from "../fakes/telegram/updates.ts";
import { type AppWorld, startAppWorld } from "./app-world.ts";

const MEMBER = 801;
const PERSIAN = 802;
const BOT = "FreeToBeHomeBot";
const LINK = `https://t.me/${BOT}?start=p_ilgar-mammadov`;

type Button = { text: string; url?: string; callback_data?: string };
const buttonsOf = (params: Record<string, unknown> | undefined): Button[] =>
  ((params?.reply_markup as { inline_keyboard?: Button[][] } | undefined)?.inline_keyboard ?? []).flat();
const keyboard = (message: PostedMessage | undefined) => buttonsOf(message?.params);

describe("Telegram deep links and presses through the app", () => {
  let fake: FakeTelegram;
  let world: AppWorld;

  const send = (update: BuiltUpdate) => fake.handleByPolling(update);
  /** The bot's last answer in a member's private chat to what they sent. */
  async function privately(user: number, text: string): Promise<PostedMessage | undefined> {
    await send(fake.updates.message(user, user, text));
    return fake.sentTo(user).at(-1);
  }

  beforeAll(async () => {
    fake = await createFakeTelegram({ botUsername: BOT });
    fake.addUser({ id: MEMBER });
    fake.addUser({ id: PERSIAN, language_code: "fa" });
    for (const id of [MEMBER, PERSIAN]) fake.addChat({ id, type: "private" }, "member");
    world = await startAppWorld(
      { TELEGRAM_BOT_TOKEN: fake.token, TELEGRAM_API_ROOT: fake.apiRoot },
      "2026-11-24T10:00:00Z",
    );
  });

  afterAll(async () => {
    await world?.close();
    await fake?.close();
    expect(fake.rejections()).toEqual([]);
  });

  it("opens the profile named by /start p_<id> in a private chat, in the member's language", async () => {
    const card = await privately(MEMBER, "/start p_ilgar-mammadov");
    expect(card?.text).toContain("Ilgar Mammadov");
    expect(card?.text).toMatch(/Status as of/);
    const persian = await privately(PERSIAN, "/start p_ilgar-mammadov");
    expect(persian?.text).toContain("منابع");
    expect(persian?.text).not.toContain("Sources");
  });

  it("answers a payload it cannot read, or a profile it cannot show, plainly; a plain /start is help", async () => {
    for (const payload of ["hello", "p_", "p_Ilgar_Mammadov", `p_${"a".repeat(70)}`, "p_ilgar--mammadov"]) {
      const answer = await privately(MEMBER, `/start ${payload}`);
      expect(answer?.text).toBe(
        "⚠️ This link does not lead to a profile. Send /prisoner with a name to look someone up.",
      );
    }
    expect((await privately(PERSIAN, "/start hello"))?.text).toContain("این پیوند به هیچ نمایه‌ای نمی‌رسد");
    expect((await privately(MEMBER, "/start p_nobody-at-all-xyz"))?.text).toMatch(
      /^⚠️ No profile matches "nobody-at-all-xyz"/,
    );
    expect((await privately(MEMBER, "/start"))?.text).toMatch(/\/prisoner/);
  });

  it("links inline results and share kits to the profile in the bot, once getMe gave its username", async () => {
    await send(fake.updates.inlineQuery(MEMBER, "Ilgar Mammadov"));
    const answer = await fake.waitForCall((c) => c.method === "answerInlineQuery" && c.status === 200);
    const [first] = answer.params.results as Array<{ id: string; reply_markup?: unknown }>;
    expect(first?.id).toBe("ilgar-mammadov");
    const buttons = buttonsOf(first as Record<string, unknown>);
    expect(buttons).toContainEqual({ text: "Open in a private chat", url: LINK });
    const shareOnTelegram = buttons.find((b) => b.url?.startsWith("https://t.me/share/url"));
    expect(shareOnTelegram?.url).toContain(`url=${encodeURIComponent(LINK)}`);

    const kit = await privately(MEMBER, "/share ilgar-mammadov");
    const share = keyboard(kit).find((b) => b.url?.startsWith("https://t.me/share/url"));
    expect(new URL(share!.url!).searchParams.get("url")).toBe(LINK);
  });

  it("counts a press on a choice button for the profile it showed", async () => {
    const group = -100_300_001;
    fake.addChat({ id: group, type: "supergroup", title: "Group" });
    fake.setMember(group, MEMBER, "member");
    await send(fake.updates.message(group, MEMBER, "/prisoner Mohammad"));
    const list = fake.sentTo(group).at(-1);
    const [choice] = keyboard(list);
    expect(choice?.callback_data).toMatch(/^r\|prisoner\|/);
    const profileId = choice!.callback_data!.split("|")[2]!;
    await send(fake.updates.callbackQuery(group, list!.messageId, MEMBER, choice!.callback_data!));
    expect(fake.sentTo(group).at(-1)?.text).toContain("Status as of");
    expect(await world.app.repositories.presses.counts()).toEqual([
      { day: "2026-11-24", platform: "telegram", profileId, button: "prisoner", presses: 1 },
    ]);
  });
});
