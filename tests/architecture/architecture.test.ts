import { describe, expect, it } from "vitest";
import { checkImports, checkTree, importsOf } from "./import-rules.ts";

describe("architecture", () => {
  it("keeps every import within the dependency rules", () => {
    expect(checkTree(process.cwd())).toEqual([]);
  });

  it("reads static, re-export and dynamic imports", () => {
    const source = `import { a } from "./a.ts";\nexport { b } from '../b.ts';\nimport type { C } from "discord.js";\nconst x = await import("telegraf");`;
    expect(importsOf(source)).toEqual(["./a.ts", "../b.ts", "discord.js", "telegraf"]);
  });

  it("catches the core importing an SDK, a driver or the database layer", () => {
    expect(checkImports("src/services/x.ts", ["discord.js"])).toHaveLength(1);
    expect(checkImports("src/services/x.ts", ["@electric-sql/pglite"])).toHaveLength(1);
    expect(checkImports("src/services/x.ts", ["drizzle-orm/pg-core"])).toHaveLength(1);
    expect(checkImports("src/services/x.ts", ["../../db/client.ts"])).toHaveLength(1);
    expect(checkImports("src/app.ts", ["../db/client.ts"])).toEqual([]);
    expect(checkImports("src/core/x.ts", ["../services/catalog.ts"])).toHaveLength(1);
  });

  it("keeps the staff panel on the core's ports and services, and its web framework inside it", () => {
    expect(checkImports("src/panel/pages/today.ts", ["../../../db/repositories/index.ts"])).toHaveLength(2);
    expect(checkImports("src/panel/pages/x.ts", ["../../../platforms/discord/render.ts"])).toHaveLength(2);
    expect(checkImports("src/panel/pages/x.ts", ["../../delivery/pass.ts"])).toHaveLength(1);
    expect(checkImports("src/panel/app.ts", ["../app.ts"])).toHaveLength(1);
    expect(
      checkImports("src/panel/pages/x.ts", ["hono", "../../core/staff.ts", "../../services/catalog.ts"]),
    ).toEqual([]);
    expect(checkImports("src/services/x.ts", ["hono"])).toHaveLength(1);
    expect(checkImports("commands/today.ts", ["hono/cookie"])).toHaveLength(2);
    expect(checkImports("src/app-panel.ts", ["../db/client.ts"])).toEqual([]);
  });

  it("catches one platform importing another, and commands reaching past the core", () => {
    expect(checkImports("platforms/slack/render.ts", ["../telegram/render.ts"])).toHaveLength(1);
    expect(checkImports("platforms/slack/render.ts", ["./ids.ts", "../../src/core/reply.ts"])).toEqual([]);
    expect(checkImports("commands/today.ts", ["../db/client.ts"])).toHaveLength(1);
    expect(checkImports("commands/today.ts", ["../platforms/discord/render.ts"])).toHaveLength(1);
    expect(checkImports("commands/today.ts", ["../src/services/catalog.ts"])).toHaveLength(1);
    expect(checkImports("commands/today.ts", ["zod", "../src/core/reply.ts"])).toEqual([]);
  });
});
