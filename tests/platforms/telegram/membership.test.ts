/** The bot's own standing → a change in its access (my_chat_member), and a channel named in a private chat. */
import { describe, expect, it } from "vitest";
import { channelTargetOf } from "../../../platforms/telegram/channel-target.ts";
import { accessChangeOf, type BotMember } from "../../../platforms/telegram/membership.ts";
import { accessLostReason, pausedForAccess } from "../../../src/core/channel-access.ts";

const admin = (canPost: boolean): BotMember => ({ status: "administrator", can_post_messages: canPost });
const change = (type: string, before: BotMember, after: BotMember) =>
  accessChangeOf({
    chat: { id: -1001, type },
    from: { id: 5 },
    old_chat_member: before,
    new_chat_member: after,
  });

describe("the bot's access to a chat", () => {
  it("reads a channel's demotion, lost post right, removal and return", () => {
    expect(change("channel", admin(true), admin(false))).toEqual({ kind: "lost", loss: "cannot-post" });
    expect(change("channel", admin(true), { status: "member" })).toEqual({ kind: "lost", loss: "not-admin" });
    expect(change("channel", admin(true), { status: "left" })).toEqual({ kind: "lost", loss: "removed" });
    expect(change("channel", { status: "kicked" }, admin(true))).toEqual({ kind: "restored" });
    expect(change("channel", admin(false), admin(true))).toEqual({ kind: "restored" });
  });

  it("ignores what does not change posting, and private chats", () => {
    expect(change("channel", admin(true), admin(true))).toBeUndefined();
    expect(change("channel", { status: "left" }, { status: "member" })).toBeUndefined();
    expect(change("supergroup", { status: "member" }, { status: "administrator" })).toBeUndefined();
    expect(change("private", { status: "member" }, { status: "kicked" })).toBeUndefined();
  });

  it("reads a group's removal and a restriction without the right to send", () => {
    expect(change("supergroup", { status: "member" }, { status: "kicked" })).toEqual({
      kind: "lost",
      loss: "removed",
    });
    const muted: BotMember = { status: "restricted", is_member: true, can_send_messages: false };
    expect(change("group", { status: "member" }, muted)).toEqual({ kind: "lost", loss: "cannot-post" });
  });

  it("resumes only what an access change paused", () => {
    expect(pausedForAccess({ state: "paused", pausedReason: accessLostReason("removed") })).toBe(true);
    expect(pausedForAccess({ state: "paused", pausedReason: "Forbidden: bot was kicked" })).toBe(false);
    expect(pausedForAccess({ state: "active" })).toBe(false);
  });
});

describe("a channel named in a private chat", () => {
  it("takes a public @username or a -100 id first, and the rest for the command", () => {
    expect(channelTargetOf("@our_channel 09:00 Europe/Baku")).toEqual({
      chat: "@our_channel",
      shown: "@our_channel",
      rest: "09:00 Europe/Baku",
    });
    expect(channelTargetOf(" -1001234567890 ")).toMatchObject({ chat: -1001234567890, rest: "" });
  });

  it("names no channel otherwise", () => {
    for (const text of ["", "09:00", "@abc", "@1abcdef", "-42 09:00", "iran @our_channel", "@our-channel"])
      expect(channelTargetOf(text)).toBeUndefined();
  });
});
