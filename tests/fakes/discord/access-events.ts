/**
 * What server admins do to the bot's access, with the gateway event Discord sends for each: a channel's
 * permission overwrites changed (CHANNEL_UPDATE, the whole channel), a role's permissions changed
 * (GUILD_ROLE_UPDATE), the bot's own roles changed (GUILD_MEMBER_UPDATE, sent for the bot itself even
 * without the privileged members intent). The fake's permission rules (world.ts) follow the new state.
 */
import type { FakeGateway } from "./gateway.ts";
import type { FakeState } from "./state.ts";
import {
  channelJson,
  type FakeChannel,
  type FakeGuild,
  type FakeOverwrite,
  type FakeRole,
  memberJson,
  roleJson,
} from "./world.ts";

export function accessEvents(state: FakeState, gateway: FakeGateway) {
  return {
    /** Replaces the channel's overwrites, as Edit Channel → Permissions does. */
    setOverwrites(channel: FakeChannel, overwrites: FakeOverwrite[]): void {
      channel.overwrites.splice(0, channel.overwrites.length, ...overwrites);
      gateway.dispatch("CHANNEL_UPDATE", channelJson(channel));
    },
    setRolePermissions(guild: FakeGuild, role: FakeRole, permissions: bigint): void {
      role.permissions = permissions;
      const position = guild.roles.indexOf(role);
      gateway.dispatch("GUILD_ROLE_UPDATE", { guild_id: guild.id, role: roleJson(role, position) });
    },
    /** The bot's roles in the server (its own managed role included or not). */
    setBotRoles(guild: FakeGuild, roleIds: string[]): void {
      const member = guild.members.get(state.bot.id);
      if (!member) throw new Error("the bot is not a member of that server");
      member.roles = roleIds;
      gateway.dispatch("GUILD_MEMBER_UPDATE", { guild_id: guild.id, ...memberJson(member) });
    },
    /** The bot's own managed role (the one it joined with). */
    botRole(guild: FakeGuild): FakeRole {
      const id = guild.members.get(state.bot.id)?.roles[0];
      const role = guild.roles.find((r) => r.id === id);
      if (!role) throw new Error("the bot has no role in that server");
      return role;
    },
  };
}
