/**
 * Slack against the adapter contract: the real adapter (real Bolt and Web API client, HTTP mode with
 * signed requests) against the local fake Slack (tests/fakes/slack), which refuses what Slack refuses.
 * Answers go through the request's response_url; a refused answer counts against the limits even when the
 * adapter's plainer retry then got through.
 */
import { channelRef } from "../../src/core/channel.ts";
import type { Rejection } from "../fakes/slack/state.ts";
import { scanMarkup } from "../fakes/slack/markup.ts";
import { validateMessage } from "../fakes/slack/validate.ts";
import { blockActionPayload, interactionBody, postSigned } from "../fakes/slack/index.ts";
import { waitFor } from "../platforms/slack/fixtures.ts";
import { ask, GENERAL, SIGNING_SECRET, startHarness, TEAM } from "../platforms/slack/harness.ts";
import {
  type ContractHarness,
  adapterContract,
  notApplicable,
  type SentMessage,
} from "./adapter-contract.ts";

const USERS = { member: "U0MEMBER", moderator: "U0ADMIN" } as const;
const LIMITS = { maxBlocksText: 12_000, imageReachable: () => true };
const POST = "chat.postMessage";

interface SlackBody {
  message: Record<string, unknown>;
  /** What Slack refused on the way to this answer. */
  refusals: Rejection[];
}

/** Every text object's text: plain_text is shown as typed. */
function texts(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(texts);
  if (typeof value !== "object" || value === null) return [];
  const record = value as Record<string, unknown>;
  return Object.entries(record).flatMap(([key, v]) =>
    key === "text" && typeof v === "string" ? [v] : texts(v),
  );
}

const sent = (message: Record<string, unknown>, refusals: Rejection[] = []): SentMessage => ({
  body: { message, refusals } satisfies SlackBody,
  text: texts(message.blocks).join("\n"),
});

const pings = (sentMessage: SentMessage) => scanMarkup((sentMessage.body as SlackBody).message).mentions;

interface SlackButton {
  text: { text: string };
  action_id: string;
  value?: string;
}

function buttonsOf(message: SentMessage): SlackButton[] {
  const blocks = ((message.body as SlackBody).message.blocks ?? []) as Array<{
    type: string;
    elements?: SlackButton[];
  }>;
  return blocks.flatMap((b) => (b.type === "actions" ? (b.elements ?? []) : []));
}

let presses = 0;

const slackHarness: ContractHarness = {
  platform: "slack",
  async start(bot) {
    const h = await startHarness({ dispatch: bot.dispatch, commands: bot.commands });
    let channels = 0;
    const idOf = (ref: string) => ref.split(":")[2] ?? "";
    return {
      adapter: h.adapter,
      async run(command, as) {
        const refusedBefore = h.fake.rejections.length;
        const { response } = await ask(h, `/${command.name} ${command.text}`.trim(), { userId: USERS[as] });
        return [sent(response.body, h.fake.rejections.slice(refusedBefore))];
      },
      limitProblems(message) {
        const { message: body, refusals } = message.body as SlackBody;
        const refusal = validateMessage(body, LIMITS);
        return [...refusals, ...(refusal ? [refusal] : [])].map((r) => JSON.stringify(r));
      },
      pings,
      members: true,
      posts: {
        newChannel() {
          const id = `C0CONTRACT${++channels}`;
          h.fake.addChannel({ id, teamId: TEAM, name: `daily-${channels}`, botMember: true });
          return channelRef(`slack:${TEAM}:${id}`);
        },
        kill: (ref) => h.fake.deleteChannel(idOf(ref)),
        requestsTo: (ref) => h.fake.callsTo(idOf(ref)).filter((c) => c.method === POST).length,
        messagesIn: (ref) =>
          h.fake.messagesIn(idOf(ref)).map((m) => sent({ text: m.text, blocks: m.blocks })),
        pings,
        rateLimitNext: (_ref, seconds) => h.fake.failNext(POST, { ratelimitedS: seconds }),
        retraction: {
          shown(ref, message) {
            const found = h.fake.messagesIn(idOf(ref)).find((m) => m.ts === message.messageId);
            return found ? { text: found.blocks?.length ? "(blocks kept)" : (found.text ?? "") } : "deleted";
          },
          makeUndeletable: notApplicable("Slack lets a bot delete its own messages at any age"),
        },
        lastMessageRef: (ref) => ({
          channelId: idOf(ref),
          messageId: h.fake.messagesIn(idOf(ref)).at(-1)?.ts ?? "none",
        }),
      },
      buttons: {
        labels: (message) => buttonsOf(message).map((b) => b.text.text),
        async press(message, label) {
          const button = buttonsOf(message).find((b) => b.text.text === label);
          if (!button) throw new Error(`no button ${label}`);
          const id = `press-${++presses}`;
          const click = blockActionPayload({
            teamId: TEAM,
            channelId: GENERAL,
            userId: USERS.member,
            actionId: button.action_id,
            ...(button.value === undefined ? {} : { value: button.value }),
            responseUrl: h.fake.responseUrl(id),
          });
          const refusedBefore = h.fake.rejections.length;
          const postedBefore = h.fake.messagesIn(GENERAL).length;
          await postSigned(h.endpoint, interactionBody(click), { signingSecret: SIGNING_SECRET });
          await waitFor(() => h.fake.responses.some((r) => r.id === id));
          const answers = h.fake.responses.filter((r) => r.id === id);
          const refusals = h.fake.rejections.slice(refusedBefore);
          const isPrivate = (body: Record<string, unknown>) =>
            body.response_type === "ephemeral" && body.replace_original !== true;
          return {
            privately: answers.filter((r) => isPrivate(r.body)).map((r) => sent(r.body, refusals)),
            publicly: [
              ...answers.filter((r) => !isPrivate(r.body)).map((r) => sent(r.body, refusals)),
              ...h.fake
                .messagesIn(GENERAL)
                .slice(postedBefore)
                .map((m) => sent({ text: m.text, blocks: m.blocks })),
            ],
          };
        },
        // Slack tells no user locale without a Web API call per person: the channel's language is used.
        knowsPresserLanguage: false,
      },
      stop: () => h.stop(),
    };
  },
};

adapterContract(slackHarness);
