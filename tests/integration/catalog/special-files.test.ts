/**
 * Only regular files are read. A named pipe (which blocks whoever opens it until a writer comes), a socket
 * or a symbolic link out of the folder is skipped and named; a named pipe or a device given by name is
 * refused. Real named pipes and sockets in a temp folder; every read runs under a deadline so that a
 * regression fails here instead of hanging the run.
 */
import { mkdir, realpath, symlink, writeFile } from "node:fs/promises";
import { createServer, type Server } from "node:net";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { readFileText } from "../../../src/catalog/read-file-text.ts";
import { readImportFiles } from "../../../src/catalog/read-import-files.ts";
import { mkfifo, withinDeadline } from "../../support/named-pipes.ts";
import { tempFolder, validCampaign, validProfile } from "../../unit/catalog/fixtures.ts";

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
});

async function listening(socket: string): Promise<void> {
  const server = createServer();
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(socket, resolve));
}

describe("files in an import folder that are not regular files", () => {
  it("skips and names a named pipe, a socket and links out of the folder, and imports the rest", async () => {
    const outside = await tempFolder({
      "elsewhere.yaml": stringify(validProfile({ id: "from-outside" })),
      "more/other.yaml": stringify(validProfile({ id: "from-outside-folder" })),
    });
    const dir = await tempFolder({
      "campaign.yaml": stringify(validCampaign()),
      "good.yaml": stringify(validProfile({ id: "good-person" })),
      "sub/kept-as.txt": stringify(validProfile({ id: "linked-inside" })),
    });
    mkfifo(path.join(dir, "pipe.yaml"));
    await listening(path.join(dir, "live.json"));
    await symlink(path.join(outside, "elsewhere.yaml"), path.join(dir, "outside.yaml"));
    await symlink(path.join(outside, "more"), path.join(dir, "more"));
    await symlink(path.join("sub", "kept-as.txt"), path.join(dir, "linked.yaml"));

    const read = await withinDeadline(readImportFiles([dir]));
    expect(read.problems).toEqual([]);
    expect(read.profiles.map((p) => p.id).sort()).toEqual(["good-person", "linked-inside"]);
    // Links are named with where they really lead (the temp folder may itself be behind a link).
    const target = await realpath(outside);
    expect(read.skipped).toEqual([
      { file: path.join(dir, "live.json"), reason: "a socket, not a regular file" },
      {
        file: path.join(dir, "more"),
        reason: `a symbolic link to ${path.join(target, "more")}, outside the folder`,
      },
      {
        file: path.join(dir, "outside.yaml"),
        reason: `a symbolic link to ${path.join(target, "elsewhere.yaml")}, outside the folder`,
      },
      { file: path.join(dir, "pipe.yaml"), reason: "a named pipe (FIFO), not a regular file" },
    ]);
  });

  it("refuses a named pipe or a device given by name, without waiting on it", async () => {
    const dir = await tempFolder();
    const fifo = mkfifo(path.join(dir, "profiles.yaml"));
    const device = path.join(dir, "null.yaml");
    await symlink("/dev/null", device);
    const read = await withinDeadline(readImportFiles([fifo, device]));
    expect(read.problems).toEqual([
      {
        file: fifo,
        path: "",
        message:
          "not read: a named pipe (FIFO), not a regular file; give a .yaml, .yml or .json file, or a folder",
      },
      {
        file: device,
        path: "",
        message:
          "not read: a character device, not a regular file; give a .yaml, .yml or .json file, or a folder",
      },
    ]);
  });

  it("refuses a named pipe put in place of a file after the folder was listed", async () => {
    const dir = await tempFolder();
    await mkdir(path.join(dir, "sub"));
    const fifo = mkfifo(path.join(dir, "sub", "swapped.yaml"));
    expect(await withinDeadline(readFileText(fifo, "swapped.yaml"))).toEqual({
      problem: {
        file: "swapped.yaml",
        path: "",
        message: "not read: a named pipe (FIFO), not a regular file",
      },
    });
  });

  it("still reads a folder given through a symbolic link, and links within it", async () => {
    const real = await tempFolder({
      "campaign.yaml": stringify(validCampaign()),
      "people/one.yaml": stringify(validProfile({ id: "one" })),
    });
    await symlink(path.join(real, "people"), path.join(real, "also-people"));
    const holder = await tempFolder();
    await symlink(real, path.join(holder, "data"));
    await writeFile(path.join(holder, "unrelated.txt"), "not imported");
    const read = await withinDeadline(readImportFiles([path.join(holder, "data")]));
    expect(read.problems).toEqual([]);
    expect(read.skipped).toEqual([]);
    expect(read.profiles.map((p) => p.id)).toEqual(["one"]);
  });
});
