/**
 * The fake's chat methods: getChat, who is a member and with which rights (getChatMember,
 * getChatAdministrators), and the menu button (setChatMenuButton, getChatMenuButton), as the Bot API
 * documents them. A channel's member list is readable only by one of its administrators.
 */
import { badRequest } from "./errors.ts";
import type { FakeWorld } from "./methods.ts";
import type { FakeChat, FakeUser, Member } from "./state.ts";

type Params = Record<string, unknown>;
const isAdmin = (status: string) => status === "administrator" || status === "creator";

/** A ChatMemberAdministrator (or Owner) as the Bot API shapes it; channel admins carry can_post_messages. */
function adminMember(
  chat: FakeChat,
  user: FakeUser,
  status: string,
  rights: { can_post_messages?: boolean },
) {
  if (status === "creator") return { user, status, is_anonymous: false };
  const base = {
    user,
    status,
    can_be_edited: false,
    is_anonymous: false,
    can_manage_chat: true,
    can_delete_messages: true,
    can_manage_video_chats: false,
    can_restrict_members: chat.type !== "channel",
    can_promote_members: false,
    can_change_info: false,
    can_invite_users: true,
  };
  return chat.type === "channel" ? { ...base, can_post_messages: rights.can_post_messages !== false } : base;
}

function memberAnswer(chat: FakeChat, member: Member) {
  const { user, status, is_anonymous } = member;
  if (!isAdmin(status)) return { user, status };
  return { ...adminMember(chat, user, status, {}), is_anonymous: !!is_anonymous };
}

/** Valid menu buttons: "commands", "default", or a web app with its text and https URL. */
function checkMenuButton(button: unknown): void {
  const b = (button ?? { type: "default" }) as {
    type?: unknown;
    text?: unknown;
    web_app?: { url?: unknown };
  };
  if (b.type === "commands" || b.type === "default") return;
  if (b.type === "web_app" && typeof b.text === "string" && String(b.web_app?.url).startsWith("https://"))
    return;
  throw badRequest("can't parse menu button");
}

function menuKey(w: FakeWorld, chatId: unknown): string {
  if (chatId === undefined) return "default";
  const chat = w.state.chat(chatId);
  // The Bot API: chat_id is "unique identifier for the target private chat".
  if (chat.type !== "private") throw badRequest("chat_id must be a private chat");
  return String(chat.id);
}

export const CHAT_METHODS: Record<string, (w: FakeWorld, p: Params) => unknown> = {
  getChat(w, p) {
    const chat = w.state.chat(p.chat_id);
    // A chat the bot is not in is found only by its public @username.
    const reachable = chat.botStatus !== "left" && chat.botStatus !== "kicked";
    if (!reachable && !chat.username) throw badRequest("chat not found");
    return { ...w.state.summary(chat), accent_color_id: 0, max_reaction_count: 11, accepted_gift_types: {} };
  },

  getChatMember(w, p) {
    const chat = w.state.chat(p.chat_id);
    const bot = w.state.bot;
    if (p.user_id === bot.id) {
      const status = chat.botStatus;
      return isAdmin(status) ? adminMember(chat, bot, status, chat.botRights ?? {}) : { user: bot, status };
    }
    if (chat.type === "channel" && !isAdmin(chat.botStatus)) throw badRequest("member list is inaccessible");
    return memberAnswer(chat, w.state.member(chat, p.user_id));
  },

  getChatAdministrators(w, p) {
    const chat = w.state.chat(p.chat_id);
    if (chat.type === "channel" && !isAdmin(chat.botStatus)) throw badRequest("member list is inaccessible");
    return [...chat.members.values()]
      .filter((m) => isAdmin(m.status) && !m.user.is_bot)
      .map((m) => memberAnswer(chat, m));
  },

  setChatMenuButton(w, p) {
    checkMenuButton(p.menu_button);
    w.menuButtons.set(menuKey(w, p.chat_id), p.menu_button ?? { type: "default" });
    return true;
  },

  getChatMenuButton: (w, p) => w.menuButtons.get(menuKey(w, p.chat_id)) ?? { type: "default" },
};
