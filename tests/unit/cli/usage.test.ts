import { describe, expect, it } from "vitest";
import { readFlags, UsageError } from "../../../src/cli/usage.ts";
import { PROPERTY_NAMES } from "../commands/property-names.ts";

describe("command line flags", () => {
  it("reads known flags, switches and the words between them", () => {
    expect(
      readFlags(["a", "--out", "x.json", "--dry-run", "b", "--format=yaml"], {
        out: "value",
        format: "value",
        "dry-run": "switch",
      }),
    ).toEqual({ flags: { out: "x.json", "dry-run": true, format: "yaml" }, positional: ["a", "b"] });
  });

  it.each(PROPERTY_NAMES)("refuses --%s as an unknown option, not a property every object has", (name) => {
    for (const args of [[`--${name}`, "x"], [`--${name}=x`], [`--${name}`]]) {
      expect(() => readFlags(args, { out: "value" }), args.join(" ")).toThrow(
        new UsageError(`unknown option --${name}`),
      );
    }
  });
});
