/**
 * Notices when the bot loses what it needs to post the card in a channel (View Channel, Send Messages,
 * Embed Links), from the gateway events that change it: a channel's overwrites (CHANNEL_UPDATE), a role's
 * permissions (GUILD_ROLE_UPDATE) and the bot's own roles (GUILD_MEMBER_UPDATE, sent for the bot itself
 * without the privileged members intent). The bot's effective permissions are computed as Discord does
 * (discord.js `permissionsFor`: roles, Administrator, then @everyone, role and member overwrites).
 *
 * Threads count as their parent channel (Send Messages in Threads instead of Send Messages), so a parent's
 * change reaches the subscriptions of its threads too.
 *
 * Only a change from "can post" to "cannot" is reported, once per channel, so the app pauses that one
 * channel's subscription and tells its moderator once. Getting access back reports nothing: the
 * subscription stays paused until a moderator runs /subscribe there (or resumes it in the panel).
 */
import { ChannelType, type Client, Events, type Guild, type GuildBasedChannel } from "discord.js";
import type { ChannelRef } from "../../src/core/channel.ts";
import type { Logger } from "../../src/core/ports/logger.ts";
import { encodeChannel } from "./ids.ts";
import { missingPostingPermissions } from "./wiring-bot-access.ts";

export type AccessLost = (channel: ChannelRef, reason: string) => Promise<void>;

/** The channels a subscription can post in; a thread's permissions are its parent channel's. */
const POSTABLE = new Set<ChannelType>([
  ChannelType.GuildText,
  ChannelType.GuildAnnouncement,
  ChannelType.PublicThread,
  ChannelType.PrivateThread,
  ChannelType.AnnouncementThread,
]);

export function watchBotAccess(client: Client, logger: Logger, onAccessLost: AccessLost | undefined): void {
  if (!onAccessLost) return;
  /** Channels known to lack a permission, so a loss is reported once and a later regain noticed. */
  const lacking = new Set<string>();

  const missingIn = (channel: GuildBasedChannel): string[] | undefined => {
    const me = channel.guild.members.me;
    if (!me || !POSTABLE.has(channel.type)) return undefined;
    return missingPostingPermissions(channel.permissionsFor(me), channel.isThread());
  };

  /** `report: false` records the state as it is (at start-up) without calling it a loss. */
  const check = (channel: GuildBasedChannel, report: boolean) => {
    const missing = missingIn(channel);
    if (missing === undefined) return;
    if (missing.length === 0) {
      lacking.delete(channel.id);
      return;
    }
    if (lacking.has(channel.id)) return;
    lacking.add(channel.id);
    if (!report) return;
    const reason = `the bot lost ${missing.join(", ")} in this channel`;
    onAccessLost(encodeChannel(channel.guildId, channel.id), reason).catch((err: unknown) =>
      logger.error({ err, channel: channel.id }, "access-lost handler failed"),
    );
  };
  const checkGuild = (guild: Guild, report: boolean) => {
    for (const channel of guild.channels.cache.values()) check(channel, report);
  };

  client.on(Events.ClientReady, (ready) => {
    for (const guild of ready.guilds.cache.values()) checkGuild(guild, false);
  });
  client.on(Events.GuildCreate, (guild) => checkGuild(guild, false));
  client.on(Events.ChannelCreate, (channel) => check(channel, false));
  client.on(Events.ChannelUpdate, (_old, channel) => {
    if (!("guild" in channel)) return;
    check(channel, true);
    // Its threads take their permissions from it.
    for (const thread of channel.guild.channels.cache.values())
      if (thread.isThread() && thread.parentId === channel.id) check(thread, true);
  });
  client.on(Events.ThreadCreate, (thread) => check(thread, false));
  client.on(Events.GuildRoleUpdate, (_old, role) => checkGuild(role.guild, true));
  client.on(Events.GuildRoleDelete, (role) => checkGuild(role.guild, true));
  client.on(Events.GuildMemberUpdate, (_old, member) => {
    if (member.id === client.user?.id) checkGuild(member.guild, true);
  });
}
