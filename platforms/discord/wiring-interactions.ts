/**
 * Inbound interactions: slash commands, autocomplete and choice buttons, each answered within Discord's
 * 3 s. One error boundary per interaction: a failure is logged and never reaches the gateway loop.
 */
import {
  type AutocompleteInteraction,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type Interaction,
  MessageFlags,
} from "discord.js";
import type { AnyCommand, CommandInvocation } from "../../src/core/command.ts";
import { matchLanguage } from "../../src/core/i18n/languages.ts";
import { type Translator, translatorFor } from "../../src/core/i18n/translator.ts";
import type { Dispatch } from "../../src/core/platform.ts";
import type { Logger } from "../../src/core/ports/logger.ts";
import { reply as replies, type Reply, type Visibility } from "../../src/core/reply.ts";
import { missingPermissionsMessage, missingPostingPermissions } from "./wiring-bot-access.ts";
import { decodeChoiceId } from "./ids.ts";
import { focusedOption, parseChoice, parseCommand } from "./parse.ts";
import { interactionEdit, interactionReply, NO_MENTIONS } from "./render-payload.ts";
import { renderReply } from "./render.ts";
import type { DiscordTuning } from "./rest-policy.ts";
import { subscribeRefusal } from "./subscribe-checks.ts";
import { clip } from "./text.ts";

/** One autocomplete choice: `name` is shown, `value` is what the command receives when it is picked. */
export interface AutocompleteChoice {
  name: string;
  value: string;
}

/**
 * Choices for what a member typed so far; `locale` is their Discord locale, for any words a choice holds
 * (profile names, today, are said as written in every language).
 */
export type Autocomplete = (
  query: string,
  locale?: string,
) => AutocompleteChoice[] | Promise<AutocompleteChoice[]>;

export interface InteractionDeps {
  dispatch: Dispatch;
  autocomplete: Autocomplete;
  commands: readonly AnyCommand[];
  logger: Logger;
  tuning: Required<DiscordTuning>;
  /** DEFAULT_LANGUAGE, for the adapter's own words to a member whose locale we do not speak. */
  defaultLanguage?: string;
}

const AUTOCOMPLETE_MAX = 25;
const CHOICE_TEXT_MAX = 100;
/** Commands whose answer is private (the share kit, the actions): a deferral must be private from the start. */
const PRIVATE_COMMANDS = new Set(["share", "act"]);
/** Subscribing is refused where the bot could not post the card (checked from `app_permissions`). */
const SUBSCRIBE = "subscribe";
/** Shown for a moment while a deferred answer moves to a follow-up of the other visibility. */
const DEFERRAL_PLACEHOLDER = "…";
/** A gateway resume can replay dispatches; remember enough ids to ignore a replayed interaction. */
const SEEN_MAX = 1_000;

export function createInteractionHandler(deps: InteractionDeps): (interaction: Interaction) => Promise<void> {
  const seen = new Set<string>();
  /** The adapter's own words, before or instead of a dispatcher's reply: the member's language, else the default. */
  const trFor = (locale: string | undefined): Translator =>
    translatorFor(matchLanguage(locale) ?? deps.defaultLanguage);

  async function run(invocation: CommandInvocation): Promise<Reply> {
    try {
      return await deps.dispatch(invocation);
    } catch (err) {
      deps.logger.error({ command: invocation.command, channel: invocation.channel, err }, "dispatch failed");
      const tr = trFor(invocation.locale);
      return { ...replies.error(tr.t("render.failed")), language: tr.language.tag };
    }
  }

  /** Replies directly when the answer is quick; otherwise defers, then edits (or follows up). */
  async function answer(ix: ChatInputCommandInteraction | ButtonInteraction, invocation?: CommandInvocation) {
    if (!invocation) {
      const tr = trFor(ix.locale);
      const refusal = { ...replies.error(tr.t("render.notUsableHere")), language: tr.language.tag };
      await ix.reply(interactionReply(renderReply(refusal)));
      return;
    }
    if (invocation.command === SUBSCRIBE) {
      const tr = trFor(ix.locale);
      const missing = missingPostingPermissions(ix.appPermissions, ix.channel?.isThread() ?? false);
      const refused =
        missing.length > 0
          ? missingPermissionsMessage(missing, tr)
          : ix.isChatInputCommand()
            ? subscribeRefusal(
                {
                  guildId: ix.guildId,
                  appPermissions: ix.appPermissions,
                  channelType: ix.channel?.type,
                  options: ix.options.data,
                },
                tr,
              )
            : undefined;
      if (refused !== undefined) {
        const refusal = { ...replies.error(refused), language: tr.language.tag };
        await ix.reply(interactionReply(renderReply(refusal)));
        return;
      }
    }
    const pending = run(invocation);
    const early = await within(pending, deps.tuning.deferAfterMs);
    if (early) {
      await ix.reply(interactionReply(renderReply(early)));
      return;
    }
    const predicted: Visibility = PRIVATE_COMMANDS.has(invocation.command) ? "private" : "public";
    await ix.deferReply(predicted === "private" ? { flags: MessageFlags.Ephemeral } : {});
    const body = renderReply(await pending);
    if (body.visibility === predicted) {
      await ix.editReply(interactionEdit(body));
      return;
    }
    // A deferral's visibility cannot change. Discord turns the first follow-up to an unresolved deferral
    // into the deferred message itself (with the deferral's visibility), so resolve it with a placeholder
    // first; the answer then goes out as a real follow-up with its own visibility, and the placeholder goes.
    await ix.editReply({
      content: DEFERRAL_PLACEHOLDER,
      embeds: [],
      components: [],
      allowedMentions: NO_MENTIONS,
    });
    await ix.followUp(interactionReply(body));
    await ix.deleteReply();
  }

  async function autocomplete(ix: AutocompleteInteraction) {
    const focused = focusedOption(ix.options.data);
    const command = deps.commands.find((c) => c.name === ix.commandName);
    const sub = command?.subcommands?.find((s) => s.name === ix.options.getSubcommand(false));
    const option = (sub?.options ?? command?.options)?.find((o) => o.name === focused?.name);
    if (!focused || option?.autocomplete !== "profile") {
      await ix.respond([]);
      return;
    }
    const typed = String(focused.value ?? "").trim();
    // Promise.try-style: a lookup that throws synchronously is handled like one that rejects.
    const lookup = Promise.resolve()
      .then(() => deps.autocomplete(typed, ix.locale))
      .catch((err: unknown) => {
        deps.logger.warn({ command: ix.commandName, err }, "autocomplete lookup failed");
        return [];
      });
    const choices = fitChoices((await within(lookup, deps.tuning.autocompleteTimeoutMs)) ?? []);
    await ix.respond(choices);
  }

  return async (interaction) => {
    if (seen.has(interaction.id)) return;
    seen.add(interaction.id);
    if (seen.size > SEEN_MAX) seen.delete(seen.values().next().value as string);
    try {
      if (interaction.isAutocomplete()) await autocomplete(interaction);
      else if (interaction.isChatInputCommand()) await answer(interaction, parseCommand(interaction));
      else if (interaction.isButton()) {
        const choice = decodeChoiceId(interaction.customId);
        // Buttons we did not make (or an older format) are left alone.
        if (choice) await answer(interaction, parseChoice(interaction, choice));
      }
    } catch (err) {
      deps.logger.error({ interaction: interaction.id, type: interaction.type, err }, "interaction failed");
    }
  };
}

/**
 * Discord refuses the whole answer if one choice is off: at most 25, names 1–100 characters, string
 * values at most 100. A value cannot be cut (it would name something else), so a choice whose value does
 * not fit is left out; a name is clipped, or replaced by the value when blank. A repeated value would
 * show one person twice, so only its first choice is kept.
 */
export function fitChoices(found: readonly AutocompleteChoice[]): AutocompleteChoice[] {
  const seen = new Set<string>();
  const out: AutocompleteChoice[] = [];
  for (const choice of found) {
    if (out.length >= AUTOCOMPLETE_MAX) break;
    const value = choice.value;
    if (value.length === 0 || value.length > CHOICE_TEXT_MAX || seen.has(value)) continue;
    seen.add(value);
    out.push({ name: clip(choice.name.trim(), CHOICE_TEXT_MAX) || value, value });
  }
  return out;
}

/** The promise's value if it settles within `ms`, else undefined (the promise keeps running). */
async function within<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<undefined>((resolve) => {
    timer = setTimeout(resolve, ms, undefined);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
