/**
 * The command line refuses what it would otherwise ignore or garble: words a command does not take and a
 * real delivery pass as of a future instant (named, exit 2, nothing opened or written), and a Postgres
 * server it cannot reach or that does not answer (said plainly with what to check, exit 1, within 10 s, no
 * stack trace and never the password in DATABASE_URL). Run in this process as main.ts runs them
 * (tests/support/cli-io.ts), but for the two servers that never answer: the process that gives up on
 * them must also exit, whatever the driver left open.
 */
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { type AddressInfo, createServer, type Socket } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { describeOnPostgres, TEST_DATABASE_URL } from "../support/test-database.ts";
import { runCliHere } from "../support/cli-io.ts";
import { runCli } from "./cli.ts";

let dir: string;
let env: Record<string, string>;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "ftbh-cli-refusals-"));
  env = { DATA_DIR: join(dir, "data") };
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("words a command does not take", () => {
  it.each([
    [["migrate", "--bogus"], "unknown option '--bogus'"],
    [["migrate", "now"], 'migrate takes no arguments (unexpected: "now")'],
    [["export", "all"], 'export takes no arguments (unexpected: "all")'],
    [["start", "now"], 'start takes no arguments (unexpected: "now")'],
    [["console", "x"], 'console takes no arguments (unexpected: "x")'],
    [
      ["profiles", "list", "extra", "words"],
      'profiles list takes no arguments (unexpected: "extra" "words")',
    ],
    [["profiles", "stale", "--all"], "unknown option '--all'"],
    [["profiles", "restore", "a", "b"], 'profiles restore takes one id (unexpected: "b")'],
    [
      ["profiles", "takedown", "ilgar-mammadov", "--reason", "family", "request"],
      'profiles takedown takes one id (unexpected: "request"); quote a reason of several words: --reason "family request"',
    ],
  ])("%j is a usage error naming the word", async (args, message) => {
    const result = await runCliHere(args, { env });
    expect(result.stderr).toContain(`freetobehome: ${message}\n`);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
  });

  it("opened no database for any of them", () => {
    expect(existsSync(env.DATA_DIR!)).toBe(false);
  });
});

describe("deliver --at a future instant", () => {
  it("is a usage error naming the instant and pointing to --dry-run; nothing is opened", async () => {
    const result = await runCliHere(["deliver", "--at", "2099-01-01T09:00+04:00"], { env });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(
      /^freetobehome: --at 2099-01-01T09:00\+04:00 is in the future \(2099-01-01T05:00:00\.000Z; it is now \d{4}-\d\d-\d\dT[\d:.]+Z\)\. deliver --at only catches up on posts already due; nothing was opened or sent\. To see what would be posted then, add --dry-run: freetobehome deliver --dry-run --at 2099-01-01T09:00\+04:00\n/,
    );
    expect(existsSync(env.DATA_DIR!)).toBe(false);
  });
});

describe("a Postgres server that cannot be reached", () => {
  it("says which server and why, without a stack trace or the password", async () => {
    const result = await runCliHere(["profiles", "list"], {
      env: { ...env, DATABASE_URL: "postgres://u:secret@127.0.0.1:1/x" },
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      "freetobehome: Could not reach the Postgres server at 127.0.0.1:1 (DATABASE_URL): connection refused. " +
        "Check that the server is running, that DATABASE_URL names its host and port, and that no firewall " +
        "between here and there drops the connection.\n",
    );
    expect(result.stdout + result.stderr).not.toContain("secret");
  });

  // Local stand-ins for a far server: one that takes the connection and says nothing (as an address whose
  // packets are dropped, once connected), and one that logs in and then never answers a query.
  it.each([
    ["takes the connection and never answers", silentServer, "no answer to the connection in time"],
    ["logs in, then never answers a query", stallingServer, "connected, but no answer to a first query"],
  ])(
    "a server that %s fails start-up within 10 s, naming it",
    async (_, serve, reason) => {
      const server = await listening(serve);
      try {
        const started = performance.now();
        const result = await runCli(["migrate"], {
          env: { ...env, DATABASE_URL: `postgres://u:secret@127.0.0.1:${server.port}/x` },
        });
        const ended = performance.now();
        // From the first connection on, not from the spawn: loading the CLI (tsx compiling the sources) is
        // no part of waiting for the database, and takes several seconds on a loaded test machine.
        const connectedAt = server.firstConnectionAt();
        expect(connectedAt).toBeDefined();
        const seconds = (ended - connectedAt!) / 1000;
        const total = (ended - started) / 1000;
        console.info(
          `${reason}: failed ${seconds.toFixed(1)} s after connecting (${total.toFixed(1)} s in all)`,
        );
        expect(seconds).toBeLessThan(10);
        expect(result.code).toBe(1);
        expect(result.stderr).toContain(`Could not reach the Postgres server at 127.0.0.1:${server.port}`);
        expect(result.stderr).toContain(reason);
        expect(result.stderr).toContain("Check that the server is running");
        expect(result.stdout + result.stderr).not.toContain("secret");
      } finally {
        await server.close();
      }
    },
    60_000,
  );
});

describeOnPostgres("a Postgres server without the database named", () => {
  it("is a settings error naming the database and what to check", async () => {
    const url = new URL(TEST_DATABASE_URL!);
    url.password = "secret";
    url.pathname = "/ftbh_no_such_database";
    const result = await runCliHere(["migrate"], { env: { ...env, DATABASE_URL: url.toString() } });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      `DATABASE_URL: database "ftbh_no_such_database" does not exist on the Postgres server at ${url.hostname}:${url.port || "5432"}. ` +
        'Check the database name at the end of DATABASE_URL, or create it (createdb "ftbh_no_such_database").',
    );
    expect(result.stdout + result.stderr).not.toContain("secret");
  });
});

/** Accepts connections and never writes a byte. */
function silentServer(_socket: Socket) {}

/** Logs any client in (AuthenticationOk, ReadyForQuery) and then never answers. */
function stallingServer(socket: Socket) {
  socket.once("data", () => {
    const authenticationOk = Buffer.from([0x52, 0, 0, 0, 8, 0, 0, 0, 0]);
    const readyForQuery = Buffer.from([0x5a, 0, 0, 0, 5, 0x49]);
    socket.write(Buffer.concat([authenticationOk, readyForQuery]));
  });
}

async function listening(onConnection: (socket: Socket) => void) {
  const sockets = new Set<Socket>();
  let firstConnectionAt: number | undefined;
  const server = createServer((socket) => {
    firstConnectionAt ??= performance.now();
    sockets.add(socket);
    socket.on("error", () => {});
    onConnection(socket);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    port: (server.address() as AddressInfo).port,
    firstConnectionAt: () => firstConnectionAt,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      }),
  };
}
