import { describe, expect, it } from "vitest";
import { RecordArena } from "../../../src/services/record-arena.ts";

describe("RecordArena", () => {
  it("gives back every record as added, across chunks and past the first record's dictionary", () => {
    const arena = new RecordArena();
    const records = Array.from({ length: 3_000 }, (_, i) =>
      JSON.stringify({ id: `p${i}`, name: i % 3 === 0 ? "Məmmədov 王 محمد" : `Name ${i}`, n: i * 7919 }),
    );
    // One record larger than a whole chunk, of letters that barely compress (a linear congruential run).
    let x = 1;
    const noise = Array.from({ length: 2_000_000 }, () => {
      x = (Math.imul(x, 1103515245) + 12345) >>> 0;
      return String.fromCharCode(97 + ((x >>> 16) % 26));
    });
    records.push(JSON.stringify({ noise: noise.join("") }));
    const ids = records.map((r) => arena.add(r));
    expect(ids).toEqual(records.map((_, i) => i));
    expect(ids.map((id) => arena.read(id))).toEqual(records);
    expect(arena.bytes).toBeGreaterThan(1 << 20);
  });

  it("reads records of a block not yet full, and keeps adding after", () => {
    const arena = new RecordArena();
    const first = arena.add('{"a":1}');
    expect(arena.read(first)).toBe('{"a":1}');
    const second = arena.add('{"b":"ü"}');
    expect([arena.read(second), arena.read(first)]).toEqual(['{"b":"ü"}', '{"a":1}']);
  });
});
