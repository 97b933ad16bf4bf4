/**
 * The gateway, plain JSON over ws (discord.js only asks for zlib-stream when zlib-sync is installed):
 * HELLO, IDENTIFY → READY + one GUILD_CREATE per server (so discord.js is ready at once instead of
 * waiting 15 s for guilds), heartbeat ACKs, dispatches pushed by the test, and RESUME, which replays
 * what a session missed while disconnected (discord.js resumes after a missed heartbeat ACK).
 */
import type { Server } from "node:http";
import { type WebSocket, WebSocketServer } from "ws";
import { snowflake } from "./snowflake.ts";
import type { FakeState } from "./state.ts";
import { guildCreateJson } from "./world.ts";

type Json = Record<string, unknown>;
type Dispatch = { op: 0; t: string; d: unknown; s: number };

interface Session {
  id: string;
  seq: number;
  /** The socket it is attached to; undefined while disconnected but still resumable. */
  socket?: WebSocket;
  log: Dispatch[];
  /** [shard id, shard count] from IDENTIFY. */
  shard: [number, number];
}

/** Discord's sharding formula: a guild's events go to shard (guild_id >> 22) % shard_count. */
export function shardOf(guildId: string, shardCount: number): number {
  return Number((BigInt(guildId) >> 22n) % BigInt(shardCount));
}

/** The guild an event is about, if any (DMs and guild-less events go to shard 0, as on Discord). */
function guildOf(t: string, d: unknown): string | undefined {
  const data = (d ?? {}) as { guild_id?: string; id?: string };
  return data.guild_id ?? (t.startsWith("GUILD_") ? data.id : undefined);
}

const LOG_MAX = 1_000;
/** Close codes after which Discord invalidates the session (a clean logout). */
const FINAL_CLOSE = new Set([1000, 1001]);

export class FakeGateway {
  readonly identifies: Json[] = [];
  heartbeats = 0;
  resumes = 0;
  private readonly sessions = new Map<string, Session>();
  private readonly wss: WebSocketServer;

  constructor(
    private readonly state: FakeState,
    server: Server,
    private readonly url: () => string,
  ) {
    this.wss = new WebSocketServer({ server });
    this.wss.on("connection", (socket, req) => this.open(socket, req.url ?? ""));
  }

  /** Sessions that would receive dispatches (connected now, or resumable). */
  get connected(): number {
    return this.sessions.size;
  }

  /** Sends an event to every session of the shard it belongs to; a disconnected one gets it on resume. */
  dispatch(t: string, d: unknown): void {
    const guildId = guildOf(t, d);
    for (const session of this.sessions.values()) {
      const [shardId, count] = session.shard;
      if ((guildId === undefined ? 0 : shardOf(guildId, count)) !== shardId) continue;
      session.seq += 1;
      const payload: Dispatch = { op: 0, t, d, s: session.seq };
      session.log.push(payload);
      if (session.log.length > LOG_MAX) session.log.shift();
      session.socket?.send(JSON.stringify(payload));
    }
  }

  drop(): void {
    for (const client of this.wss.clients) client.terminate();
  }

  async close(): Promise<void> {
    for (const client of this.wss.clients) client.terminate();
    this.sessions.clear();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
  }

  private open(socket: WebSocket, path: string): void {
    const query = new URL(path, "ws://fake").searchParams;
    if (query.get("v") !== "10" || query.get("encoding") !== "json") {
      socket.close(4012, "Invalid API version or encoding");
      return;
    }
    let session: Session | undefined;
    socket.on("message", (raw) => {
      session = this.receive(socket, session, JSON.parse(String(raw)) as { op: number; d: Json });
    });
    socket.on("close", (code) => {
      if (!session || session.socket !== socket) return;
      session.socket = undefined;
      if (FINAL_CLOSE.has(code)) this.sessions.delete(session.id);
    });
    socket.send(
      JSON.stringify({ op: 10, d: { heartbeat_interval: this.state.heartbeatIntervalMs }, s: null, t: null }),
    );
  }

  private receive(socket: WebSocket, session: Session | undefined, payload: { op: number; d: Json }) {
    if (payload.op === 1) {
      this.heartbeats += 1;
      socket.send(JSON.stringify({ op: 11, d: null, s: null, t: null }));
      return session;
    }
    if (payload.op === 2) return this.identify(socket, payload.d);
    if (payload.op === 6) return this.resume(socket, payload.d);
    return session;
  }

  private identify(socket: WebSocket, d: Json): Session | undefined {
    this.identifies.push(d);
    if (d.token !== this.state.token) {
      socket.close(4004, "Authentication failed.");
      return undefined;
    }
    const [shardId, shardCount] = Array.isArray(d.shard) ? (d.shard as [number, number]) : [0, 1];
    const session: Session = { id: snowflake(), seq: 0, socket, log: [], shard: [shardId, shardCount] };
    const guilds = this.state.guilds.filter((g) => g.botPresent && shardOf(g.id, shardCount) === shardId);
    this.sessions.set(session.id, session);
    this.sendTo(session, "READY", {
      v: 10,
      user: this.state.botUserJson(),
      guilds: guilds.map((g) => ({ id: g.id, unavailable: true })),
      session_id: session.id,
      resume_gateway_url: this.url(),
      application: { id: this.state.applicationId, flags: 0 },
      shard: [shardId, shardCount],
      private_channels: [],
      presences: [],
      relationships: [],
    });
    for (const guild of guilds) this.sendTo(session, "GUILD_CREATE", guildCreateJson(guild));
    return session;
  }

  private resume(socket: WebSocket, d: Json): Session | undefined {
    const session = this.sessions.get(String(d.session_id));
    if (!session || d.token !== this.state.token) {
      socket.send(JSON.stringify({ op: 9, d: false, s: null, t: null }));
      return undefined;
    }
    this.resumes += 1;
    session.socket = socket;
    for (const missed of session.log.filter((p) => p.s > Number(d.seq))) socket.send(JSON.stringify(missed));
    this.sendTo(session, "RESUMED", {});
    return session;
  }

  private sendTo(session: Session, t: string, d: unknown): void {
    session.seq += 1;
    const payload: Dispatch = { op: 0, t, d, s: session.seq };
    session.log.push(payload);
    session.socket?.send(JSON.stringify(payload));
  }
}
