/**
 * The console against the adapter contract: commands typed into the real chat loop (readline over a
 * stream), scheduled posts printed by the real adapter. A terminal has no size limit, no mentions, no rate
 * limit and no channel that can disappear, so those cases are stated as not applicable below.
 */
import { stripIsolates } from "../../src/core/i18n/bidi.ts";
import { PassThrough, Writable } from "node:stream";
import { createConsoleAdapter, runConsoleChat } from "../../platforms/console/index.ts";
import { type ChannelRef, channelRef } from "../../src/core/channel.ts";
import {
  type ContractHarness,
  adapterContract,
  notApplicable,
  type SentMessage,
} from "./adapter-contract.ts";

/** Control characters a terminal would act on (escape sequences, carriage returns); tabs and newlines pass. */
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/;

/** Every write to the terminal, and a way to wait for the next one. */
function capturedOutput() {
  const writes: string[] = [];
  let waiting: (() => void) | undefined;
  const stream = new Writable({
    write(chunk, _encoding, done) {
      writes.push(String(chunk));
      waiting?.();
      done();
    },
  });
  const next = () => new Promise<void>((resolve) => (waiting = resolve));
  return { stream, writes, next };
}

const message = (text: string): SentMessage => ({ body: text, text });

const consoleHarness: ContractHarness = {
  platform: "console",
  async start(bot) {
    const input = new PassThrough();
    const chat = capturedOutput();
    const chatDone = runConsoleChat({
      dispatch: bot.dispatch,
      commands: bot.commands,
      input,
      output: chat.stream,
      interactive: false,
    });
    const printed = capturedOutput();
    const adapter = createConsoleAdapter(printed.stream);
    let channels = 0;
    const postsIn = (channel: ChannelRef) =>
      // A post's bracketed header names the channel (isolated in a right-to-left language), in the post's language.
      printed.writes
        .filter((w) => /^\[([^\s,،，]+)/.exec(stripIsolates(w.split("\n")[1] ?? ""))?.[1] === channel)
        .map(message);
    return {
      adapter,
      async run(command) {
        const answered = chat.next();
        input.write(`/${command.name} ${command.text}\n`);
        await answered;
        return [message(chat.writes.at(-1) ?? "")];
      },
      limitProblems: (sent) =>
        CONTROL.test(sent.text) ? ["a control character the terminal would act on"] : [],
      pings: notApplicable("a terminal notifies nobody: there is no one to mention"),
      members: notApplicable("the console's one local user moderates its one channel (parse.ts)"),
      posts: {
        newChannel: () => channelRef(`console:contract-${++channels}`),
        kill: notApplicable("a terminal channel cannot be deleted while the chat runs"),
        requestsTo: (channel) => postsIn(channel).length,
        messagesIn: postsIn,
        pings: () => [],
        rateLimitNext: notApplicable("a terminal never asks to slow down"),
        lastMessageRef: notApplicable("a printed line cannot be found again, so no reference is given"),
        retraction: notApplicable(
          "a printed line cannot be taken back; the console keeps no message reference",
        ),
      },
      buttons: {
        // A card's buttons print as numbered choices: "  1. What you can do", then what to type.
        labels: (sent) =>
          [...stripIsolates(sent.text).matchAll(/^ {2}\d+\. (.+)$/gm)].map((m) => m[1]!.trim()),
        press: notApplicable(
          "a terminal has one reader: a numbered choice is the command to type (/act <id>), answered to them",
        ),
        knowsPresserLanguage: false,
      },
      async stop() {
        input.end();
        await chatDone;
      },
    };
  },
};

adapterContract(consoleHarness);
