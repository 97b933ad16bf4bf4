/**
 * Slack's side of Socket Mode: a WebSocket that greets with `hello`, delivers envelopes and collects the
 * app's acks (`{envelope_id, payload?}`).
 */
import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import { type WebSocket, WebSocketServer } from "ws";

export type EnvelopeType = "slash_commands" | "interactive" | "events_api";

export interface Ack {
  envelope_id: string;
  payload?: Record<string, unknown>;
  /** Milliseconds from delivering the envelope to receiving its ack. */
  ms: number;
}

export class FakeSocketMode {
  readonly acks: Ack[] = [];
  private readonly wss = new WebSocketServer({ noServer: true });
  private readonly clients = new Set<WebSocket>();
  private readonly pending = new Map<string, { resolve(ack: Ack): void; sentAt: number }>();
  private readonly waiters: Array<() => void> = [];
  private sequence = 0;

  constructor(private readonly appId: string) {}

  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    this.wss.handleUpgrade(req, socket, head, (ws) => this.accept(ws));
  }

  get connections(): number {
    return this.clients.size;
  }

  /** Resolves once an app is connected and greeted. */
  connected(): Promise<void> {
    if (this.clients.size > 0) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  /** Delivers an envelope to the connected app; resolves with its ack, rejects if none comes in time. */
  push(type: EnvelopeType, payload: Record<string, unknown>, timeoutMs = 5000): Promise<Ack> {
    const client = [...this.clients][0];
    if (!client) return Promise.reject(new Error("no Socket Mode connection"));
    const envelope_id = `env-${++this.sequence}`;
    return new Promise<Ack>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(envelope_id);
        reject(new Error(`envelope ${envelope_id} was not acknowledged within ${timeoutMs} ms`));
      }, timeoutMs);
      this.pending.set(envelope_id, {
        sentAt: performance.now(),
        resolve: (ack) => {
          clearTimeout(timer);
          resolve(ack);
        },
      });
      const envelope = { envelope_id, type, accepts_response_payload: type !== "events_api", payload };
      client.send(JSON.stringify(envelope));
    });
  }

  async close(): Promise<void> {
    for (const client of this.clients) client.terminate();
    this.clients.clear();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
  }

  private accept(ws: WebSocket): void {
    this.clients.add(ws);
    ws.on("close", () => this.clients.delete(ws));
    ws.on("message", (data) => this.receive(data.toString()));
    ws.send(
      JSON.stringify({
        type: "hello",
        num_connections: this.clients.size,
        debug_info: { host: "fake-slack", approximate_connection_time: 3600 },
        connection_info: { app_id: this.appId },
      }),
    );
    for (const wake of this.waiters.splice(0)) wake();
  }

  private receive(raw: string): void {
    let message: { envelope_id?: unknown; payload?: Record<string, unknown> };
    try {
      message = JSON.parse(raw);
    } catch {
      return;
    }
    if (typeof message.envelope_id !== "string") return;
    const waiting = this.pending.get(message.envelope_id);
    const ack: Ack = {
      envelope_id: message.envelope_id,
      ...(message.payload ? { payload: message.payload } : {}),
      ms: waiting ? performance.now() - waiting.sentAt : Number.NaN,
    };
    this.acks.push(ack);
    this.pending.delete(message.envelope_id);
    waiting?.resolve(ack);
  }
}
