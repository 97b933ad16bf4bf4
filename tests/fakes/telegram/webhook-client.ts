/**
 * Telegram's side of a webhook call: POST the update as JSON to the registered URL, with the secret header.
 * Over raw node:http rather than fetch so a test controls how the body reaches the server: whole, split in
 * two TCP writes inside a multi-byte UTF-8 character, or streamed with no declared length.
 */
import { request } from "node:http";

export type BodyDelivery = "whole" | "split-inside-character" | "chunked";

export interface WebhookCall {
  url: URL;
  secret: string | null | undefined;
  body: string;
  delivery: BodyDelivery;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The body in the pieces to write: split after the lead byte of the first multi-byte character. */
function pieces(bytes: Buffer, delivery: BodyDelivery): Buffer[] {
  if (delivery === "whole") return [bytes];
  if (delivery === "chunked") {
    const size = 64 * 1024;
    return Array.from({ length: Math.ceil(bytes.length / size) }, (_, i) =>
      bytes.subarray(i * size, (i + 1) * size),
    );
  }
  const lead = bytes.findIndex((b) => b >= 0xc0);
  if (lead < 0) throw new Error("fake Telegram: no multi-byte character to split the body inside");
  return [bytes.subarray(0, lead + 1), bytes.subarray(lead + 1)];
}

export function callWebhook(call: WebhookCall): Promise<{ status: number; body: string }> {
  const bytes = Buffer.from(call.body, "utf8");
  const parts = pieces(bytes, call.delivery);
  return new Promise((resolve, reject) => {
    let answered = false;
    const req = request(call.url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        ...(call.delivery !== "chunked" && { "content-length": bytes.length }),
        ...(call.secret != null && { "x-telegram-bot-api-secret-token": call.secret }),
      },
    });
    req.on("response", (res) => {
      answered = true;
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString() }));
    });
    // A server that answers before reading everything (403, 413) may close on us mid-write: that is fine.
    req.on("error", (err) => (answered ? undefined : reject(err)));
    void (async () => {
      for (const [i, part] of parts.entries()) {
        if (answered) return;
        // The pause lets the server read the first piece on its own, as a separate chunk.
        if (i > 0) await pause(call.delivery === "split-inside-character" ? 50 : 0);
        await new Promise<void>((done) => req.write(part, () => done()));
      }
      req.end();
    })();
  });
}
