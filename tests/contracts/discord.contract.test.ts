/**
 * Discord against the adapter contract: the real adapter (real discord.js over the gateway and REST)
 * against the local fake Discord (tests/fakes/discord), which refuses any body Discord would refuse.
 */
import { createDiscordAdapter } from "../../platforms/discord/index.ts";
import { type ChannelRef, channelRef } from "../../src/core/channel.ts";
import {
  type FakeChannel,
  type FakeInteraction,
  type FakeUser,
  Permission,
  type StoredMessage,
  startFakeDiscord,
} from "../fakes/discord/index.ts";
import { computeMentions } from "../fakes/discord/messages.ts";
import { FormErrors, validateMessage } from "../fakes/discord/validate.ts";
import { createMemoryLogger } from "../fakes/memory-logger.ts";
import {
  type ContractHarness,
  adapterContract,
  notApplicable,
  type SentMessage,
} from "./adapter-contract.ts";

/** Discord's flag on a deferred answer still "thinking"; cleared when the answer is edited in. */
const LOADING = 1 << 7;
const MESSAGES = "POST /channels/:id/messages";

function sent(message: StoredMessage): SentMessage {
  const body = message.body;
  const embeds = (Array.isArray(body.embeds) ? body.embeds : []) as Array<Record<string, unknown>>;
  const parts = [body.content, ...embeds.flatMap((e) => [e.title, e.description, JSON.stringify(e.fields)])];
  // Discord shows markdown escapes as the character itself.
  const text = parts
    .filter((p) => typeof p === "string")
    .join("\n")
    .replace(/\\(.)/g, "$1");
  return { body: message, text };
}

/** Who would be notified: what Discord computed with our allowed_mentions, and what the text alone would ping. */
function pings(message: SentMessage): string[] {
  const stored = message.body as StoredMessage;
  const unguarded = computeMentions({ content: stored.body.content });
  return [stored.mentions, unguarded].flatMap((m) => [
    ...(m.everyone ? ["@everyone/@here"] : []),
    ...m.users.map((id) => `<@${id}>`),
    ...m.roles.map((id) => `<@&${id}>`),
  ]);
}

/** Discord's own names of the languages a press is made in. */
const LOCALES: Record<string, string> = { es: "es-ES" };
const EPHEMERAL = 1 << 6;
const ephemeral = (m: StoredMessage) => (Number(m.json.flags ?? 0) & EPHEMERAL) !== 0;

function buttonsOf(message: SentMessage): Array<Record<string, unknown>> {
  const rows = ((message.body as StoredMessage).json.components ?? []) as Array<{
    components: Array<Record<string, unknown>>;
  }>;
  return rows.flatMap((row) => row.components);
}

const discordHarness: ContractHarness = {
  platform: "discord",
  async start(bot) {
    const fake = await startFakeDiscord();
    const guild = fake.addGuild("Contract");
    const general = fake.addChannel(guild, "general");
    const adapter = createDiscordAdapter({
      token: fake.token,
      apiUrl: fake.apiUrl,
      dispatch: bot.dispatch,
      commands: bot.commands,
      autocomplete: async (query) =>
        (await bot.suggest(query, 25)).map((s) => ({ name: s.label, value: s.profileId })),
      logger: createMemoryLogger(),
    });
    await adapter.registerCommands();
    await adapter.start();
    const users: Record<"member" | "moderator", FakeUser> = {
      moderator: fake.addMember(guild, "moderator", Permission.ManageChannels),
      member: fake.addMember(guild, "member"),
    };
    // Discord hides moderator commands from members unless an admin grants them; the adapter must still refuse.
    for (const command of bot.commands.filter((c) => c.moderatorOnly))
      fake.allowCommand(command.name, users.member);
    const channels = new Map<ChannelRef, FakeChannel>();
    const channelOf = (ref: ChannelRef) => channels.get(ref) as FakeChannel;
    const settled = (ix: FakeInteraction) =>
      ix.responseType === 4 || (ix.responseType === 5 && !(Number(ix.original?.json.flags ?? 0) & LOADING));
    return {
      adapter,
      async run(command, as, locale) {
        const ix = fake.command({
          ...(locale ? { locale } : {}),
          guild,
          channel: general,
          user: users[as],
          name: command.name,
          ...(command.subcommand ? { subcommand: command.subcommand } : {}),
          options: command.options ?? {},
        });
        try {
          await fake.waitFor(() => settled(ix), 10_000);
        } catch {
          // Discord refused every answer the adapter tried (or none came): that is the finding.
          return [{ body: ix.callbacks, text: "", refused: "no answer Discord accepted" }];
        }
        return [ix.original, ...ix.followUps]
          .filter((m): m is StoredMessage => m !== undefined && !m.deleted)
          .map(sent);
      },
      limitProblems(message) {
        if ("refused" in message) return [String(message.refused)];
        const errors = new FormErrors();
        validateMessage((message.body as StoredMessage).body, errors);
        return errors.empty ? [] : [JSON.stringify(errors.body().errors)];
      },
      pings,
      members: true,
      posts: {
        newChannel() {
          const channel = fake.addChannel(guild, `daily-${channels.size}`);
          const ref = channelRef(`discord:${guild.id}:${channel.id}`);
          channels.set(ref, channel);
          return ref;
        },
        kill: (ref) => fake.deleteChannel(channelOf(ref), { event: false }),
        requestsTo: (ref) => fake.requestsTo(MESSAGES).filter((r) => r.major === channelOf(ref).id).length,
        messagesIn: (ref) => fake.messagesIn(channelOf(ref)).map(sent),
        pings,
        rateLimitNext: (ref, seconds) =>
          fake.inject({
            route: MESSAGES,
            major: channelOf(ref).id,
            times: 1,
            fault: { kind: "429", retryAfterS: seconds },
          }),
        retraction: {
          shown(ref, message) {
            const found = fake.messagesIn(channelOf(ref)).find((m) => m.id === message.messageId);
            if (!found) return "deleted";
            const embeds = Array.isArray(found.body.embeds) ? found.body.embeds.length : 0;
            return { text: embeds > 0 ? "(embeds kept)" : String(found.body.content ?? "") };
          },
          makeUndeletable: notApplicable("Discord lets a bot delete its own messages at any age"),
        },
        lastMessageRef(ref) {
          const last = fake.messagesIn(channelOf(ref)).at(-1);
          return { channelId: channelOf(ref).id, messageId: last?.id ?? "none" };
        },
      },
      buttons: {
        labels: (message) => buttonsOf(message).map((b) => String(b.label)),
        async press(message, label, language) {
          const stored = message.body as StoredMessage;
          const button = buttonsOf(message).find((b) => b.label === label);
          if (!button) throw new Error(`no button ${label}`);
          const channel = [general, ...channels.values()].find((c) => c.id === stored.channelId) ?? general;
          const before = fake.messagesIn(channel).length;
          const ix = fake.click({
            guild,
            channel,
            user: users.member,
            locale: LOCALES[language] ?? language,
            message: stored,
            customId: String(button.custom_id),
          });
          await fake.waitFor(() => settled(ix), 10_000);
          const answers = [ix.original, ...ix.followUps].filter(
            (m): m is StoredMessage => m !== undefined && !m.deleted,
          );
          return {
            privately: answers.filter(ephemeral).map(sent),
            publicly: fake
              .messagesIn(channel)
              .slice(before)
              .filter((m) => !m.deleted && !ephemeral(m))
              .map(sent),
          };
        },
        knowsPresserLanguage: true,
      },
      async stop() {
        await adapter.stop();
        await fake.close();
      },
    };
  },
};

adapterContract(discordHarness);
